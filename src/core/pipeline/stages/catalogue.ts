// The stage catalogue in dependency order, and the expansion of it into one run's graph: stages
// marked per-entity fan out into one instance per entity, so the graph grows with the spec. A run
// starts from the graph without them (the entity set is not final before the domain model) and
// grows to the full graph once the domain model has finished.
import type { ProjectSpec } from '../../../model/project/projectSpec';
import { apiApp } from './apiApp';
import { apiDocs } from './apiDocs';
import { apiRoutes } from './apiRoutes';
import { architecture } from './architecture';
import { auth } from './auth';
import { backendTests } from './backendTests';
import { businessRules } from './businessRules';
import { ciWorkflow } from './ciWorkflow';
import { databaseSchema } from './databaseSchema';
import { docker } from './docker';
import { domainModel } from './domainModel';
import { environmentConfig } from './environmentConfig';
import { explanations } from './explanations';
import { frontendApiClient } from './frontendApiClient';
import { frontendTests } from './frontendTests';
import { layoutNavigation } from './layoutNavigation';
import { migrations } from './migrations';
import { pages } from './pages';
import { readme } from './readme';
import { repair } from './repair';
import { requirementsAnalysis } from './requirementsAnalysis';
import { seedData } from './seedData';
import type { StageDefinition, StageInstance } from './types';
import { validationSchemas } from './validationSchemas';
import { verification } from './verification';

export const STAGE_CATALOGUE: readonly StageDefinition[] = [
  requirementsAnalysis,
  domainModel,
  architecture,
  environmentConfig,
  databaseSchema,
  migrations,
  seedData,
  validationSchemas,
  auth,
  apiApp,
  apiRoutes,
  businessRules,
  apiDocs,
  backendTests,
  frontendApiClient,
  layoutNavigation,
  pages,
  frontendTests,
  docker,
  ciWorkflow,
  readme,
  explanations,
  verification,
  repair,
];

export function stageDefinition(kind: string): StageDefinition | undefined {
  return STAGE_CATALOGUE.find((stage) => stage.kind === kind);
}

/** One run's stages: per-entity kinds fan out to `kind:Entity`; dependencies follow. */
export function buildStageGraph(spec: ProjectSpec, catalogue: readonly StageDefinition[] = STAGE_CATALOGUE): StageInstance[] {
  const entities = spec.entities.map((entity) => entity.name);
  const idsOf = (kind: string, entity?: string): string[] => {
    const definition = catalogue.find((stage) => stage.kind === kind);
    if (!definition) throw new Error(`Stage "${kind}" is not in the catalogue`);
    if (!definition.perEntity) return [kind];
    return entity ? [`${kind}:${entity}`] : entities.map((name) => `${kind}:${name}`);
  };
  const instances: StageInstance[] = [];
  for (const definition of catalogue) {
    const targets: (string | undefined)[] = definition.perEntity ? entities : [undefined];
    for (const entity of targets) {
      const dependsOn = definition.dependsOn.flatMap((kind) => {
        const dependency = catalogue.find((stage) => stage.kind === kind);
        // A per-entity stage depends on the same entity's instance of another per-entity kind.
        return idsOf(kind, definition.perEntity && dependency?.perEntity ? entity : undefined);
      });
      instances.push({
        id: entity ? `${definition.kind}:${entity}` : definition.kind,
        title: entity ? `${definition.title}: ${entity}` : definition.title,
        kind: definition.kind,
        dependsOn,
        description: definition.description,
        entity,
        definition,
      });
    }
  }
  return instances;
}

/**
 * The graph a run starts with: every stage except the per-entity ones, which are added once the
 * stage that finalizes the data model has finished (see buildStageGraph for the full graph). A stage
 * that waits for a per-entity kind waits meanwhile for what that kind waits for, so it cannot start
 * before the per-entity stages exist; the run then re-wires it to them.
 */
export function initialStageGraph(spec: ProjectSpec, catalogue: readonly StageDefinition[] = STAGE_CATALOGUE): StageInstance[] {
  const byKind = new Map(catalogue.map((definition) => [definition.kind, definition]));
  const expand = (kind: string, seen = new Set<string>()): string[] => {
    const definition = byKind.get(kind);
    if (!definition) throw new Error(`Stage "${kind}" is not in the catalogue`);
    if (!definition.perEntity) return [kind];
    if (seen.has(kind)) return [];
    seen.add(kind);
    return definition.dependsOn.flatMap((dependency) => expand(dependency, seen));
  };
  const instances = buildStageGraph({ ...spec, entities: [] }, catalogue)
    .filter((stage) => !stage.definition.perEntity)
    .map((stage) => ({ ...stage, dependsOn: [...new Set(stage.definition.dependsOn.flatMap((kind) => expand(kind)))] }));
  const finalizer = catalogue.find((definition) => definition.finalizesModel)?.kind;
  if (catalogue.some((definition) => definition.perEntity)) {
    if (!finalizer) throw new Error('The catalogue has per-entity stages but no stage that finalizes the data model');
    // Every stage that will wait for per-entity stages must wait for the model first.
    const ancestors = (id: string, acc = new Set<string>()): Set<string> => {
      for (const dependency of instances.find((stage) => stage.id === id)?.dependsOn ?? []) {
        if (!acc.has(dependency)) {
          acc.add(dependency);
          ancestors(dependency, acc);
        }
      }
      return acc;
    };
    for (const stage of instances) {
      const waitsForEntities = stage.definition.dependsOn.some((kind) => byKind.get(kind)?.perEntity);
      if (waitsForEntities && !ancestors(stage.id).has(finalizer)) {
        throw new Error(`Stage "${stage.id}" waits for per-entity stages but not for "${finalizer}"`);
      }
    }
  }
  return instances;
}
