// The deterministic generator's layers (its one registry, generator/layers.ts), computed at most
// once per run and shared by the stages that own parts of their output (e.g. every "API routes"
// stage takes its entity's file from the routes layer). Files are checked against the owner map
// so no file is emitted twice or lost.
import { type BackendModel, buildModel } from '../../generator/backend/model';
import { FileSet, type GeneratedFile } from '../../generator/fileSet';
import { buildFrontendModel, type FrontendModel } from '../../generator/frontend/model';
import { addBackendLayer, addFrontendLayer, addSpecLayer, type BACKEND_LAYERS, type FRONTEND_LAYERS, type SPEC_LAYERS } from '../../generator/layers';
import { entityNames } from '../../../model/project/naming';
import type { ProjectSpec } from '../../../model/project/projectSpec';

export type LayerName =
  | `backend.${keyof typeof BACKEND_LAYERS}`
  | `frontend.${keyof typeof FRONTEND_LAYERS}`
  | `spec.${keyof typeof SPEC_LAYERS}`;

export class LayerCache {
  private readonly outputs = new Map<LayerName, GeneratedFile[]>();
  private backendModel?: BackendModel;
  private frontendModel?: FrontendModel;

  constructor(readonly spec: ProjectSpec) {}

  /** All files of one layer, computed on first use. */
  files(layer: LayerName): GeneratedFile[] {
    let files = this.outputs.get(layer);
    if (!files) {
      files = this.compute(layer);
      this.outputs.set(layer, files);
    }
    return files;
  }

  /** The files of a layer that belong to one entity (named after its route, e.g. `posts.ts`). */
  entityFiles(layer: LayerName, entity: string): GeneratedFile[] {
    const route = entityNames(entity).route;
    return this.files(layer).filter((file) => file.path.split('/').at(-1)?.split('.')[0] === route);
  }

  /** Files of a layer whose path matches. */
  select(layer: LayerName, match: (path: string) => boolean): GeneratedFile[] {
    return this.files(layer).filter((file) => match(file.path));
  }

  private compute(layer: LayerName): GeneratedFile[] {
    const [group, name] = layer.split('.') as [string, string];
    const files = new FileSet();
    // The same calls generateProject makes, so the output is identical.
    if (group === 'backend') {
      this.backendModel ??= buildModel(this.spec);
      addBackendLayer(name as keyof typeof BACKEND_LAYERS, this.backendModel, files);
    } else if (group === 'frontend') {
      this.frontendModel ??= buildFrontendModel(this.spec);
      addFrontendLayer(name as keyof typeof FRONTEND_LAYERS, this.frontendModel, files);
    } else {
      addSpecLayer(name as keyof typeof SPEC_LAYERS, this.spec, files);
    }
    return files.list();
  }
}
