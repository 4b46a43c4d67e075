// The stage catalogue in dependency order, and the expansion of it into one run's graph: stages
// marked per-entity fan out into one instance per entity, so the graph grows with the spec.
import type { ProjectSpec } from '../../spec/projectSpec';
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
