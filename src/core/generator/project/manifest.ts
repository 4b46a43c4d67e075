// `.takoss/manifest.json`: for every generated file, what it is for and which requirement
// sentences it serves. The VS Code hover provider reads it (validated with TakossManifest).
import * as z from 'zod';
import type { GeneratedFile } from '../fileSet';
import type { LayerTable } from '../layerFiles';
import { accountSentences } from '../../../model/project/accounting';
import type { ProjectSpec } from '../../../model/project/projectSpec';

export const MANIFEST_PATH = '.takoss/manifest.json';
export const MANIFEST_VERSION = 1;

export const ManifestFile = z.object({
  path: z.string().min(1),
  layer: z.string().min(1),
  explanation: z.string(),
  /** Spec elements, e.g. `entity:Task`, `auth`, `deploy`. */
  serves: z.array(z.string()),
  /** Requirement sentence indices. */
  sources: z.array(z.number().int().min(0)),
  /** The texts of those sentences, so a reader needs no spec. */
  requirements: z.array(z.string()),
  /** The pipeline stage that wrote the file (absent when made by the generator alone). */
  stage: z.string().optional(),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

export const TakossManifest = z.object({
  manifestVersion: z.literal(MANIFEST_VERSION),
  project: z.object({ name: z.string(), title: z.string() }),
  requirements: z.array(
    z.object({
      id: z.number().int().min(0),
      text: z.string(),
      /** What became of the sentence (see accountSentences); absent in manifests older than it. */
      status: z.enum(['mapped', 'partial', 'notImplemented', 'notUnderstood', 'ignored', 'context', 'unaccounted']).optional(),
      /** Why (parts of) it were not understood, and why they are not implemented. */
      notUnderstood: z.array(z.string()).optional(),
      notImplemented: z.array(z.string()).optional(),
    }),
  ),
  files: z.array(ManifestFile),
});
export type TakossManifest = z.infer<typeof TakossManifest>;

const reasonsFor = (items: readonly { reason: string; sources: readonly number[] }[], id: number) => [
  ...new Set(items.filter((item) => item.sources.includes(id)).map((item) => item.reason)),
];

/** The manifest JSON (stable: files sorted by path, no timestamps, so equal input gives equal output). */
export function buildManifest(spec: ProjectSpec, fileList: GeneratedFile[], stageOf?: ReadonlyMap<string, string>): string {
  const sentenceText = new Map(spec.requirements.sentences.map((s) => [s.id, s.text]));
  const files = [...fileList]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map(
      (file): ManifestFile => ({
        path: file.path,
        layer: file.layer,
        explanation: file.explanation,
        serves: [...file.serves],
        sources: [...file.sources],
        requirements: file.sources.map((id) => sentenceText.get(id)).filter((text): text is string => text !== undefined),
        ...(stageOf?.has(file.path) ? { stage: stageOf.get(file.path) } : {}),
      }),
    );
  const manifest: TakossManifest = {
    manifestVersion: MANIFEST_VERSION,
    project: { name: spec.name, title: spec.title },
    requirements: accountSentences(spec).map(({ id, text, status }) => {
      const missed = reasonsFor(spec.notUnderstood, id);
      const unbuilt = reasonsFor(spec.unimplemented, id);
      return { id, text, status, ...(missed.length ? { notUnderstood: missed } : {}), ...(unbuilt.length ? { notImplemented: unbuilt } : {}) };
    }),
    files,
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** What the manifest is built from: the spec and every other file (with the stage that wrote each, in a pipeline run). */
export interface ManifestModel {
  spec: ProjectSpec;
  files: GeneratedFile[];
  stageOf?: ReadonlyMap<string, string>;
}

/** The last layer: the manifest, from the files of all the others. */
export const MANIFEST_LAYER: LayerTable<ManifestModel> = {
  layer: 'explanations',
  serves: ['project'],
  sources: ({ spec }) => spec.requirements.sentences.map((sentence) => sentence.id),
  files: [
    {
      path: MANIFEST_PATH,
      content: ({ spec, files, stageOf }) => buildManifest(spec, files, stageOf),
      explanation:
        'Takoss manifest: for every generated file, the layer that made it, the spec elements and requirement sentences it serves, and a plain-language explanation. Editor hovers and the Takoss panel read it.',
    },
  ],
};
