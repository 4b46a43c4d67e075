// One `src/pages/<entity>.tsx` per entity: its list, detail, create and edit pages, wiring the
// generic page components to the entity's metadata and typed API calls.
import type { LayerTable } from '../layerFiles';
import { lineComment } from '../emit';
import { metaName } from './entities';
import type { FrontendEntity, FrontendModel } from './model';

/** Component names exported by an entity's page module, in route order. */
export function pageComponents(entity: FrontendEntity): { list: string; detail: string; create?: string; edit?: string } {
  const { pascal } = entity.names;
  return entity.readOnly
    ? { list: `${pascal}ListPage`, detail: `${pascal}DetailPage` }
    : { list: `${pascal}ListPage`, detail: `${pascal}DetailPage`, create: `${pascal}CreatePage`, edit: `${pascal}EditPage` };
}

export const PAGES_LAYER: LayerTable<FrontendModel> = {
  layer: 'frontend/pages',
  files: [
    {
      perEntity: true,
      path: 'frontend/src/pages/{entity}.tsx',
      content: (_model, entity) => pagesModule(entity),
      explanation: (_model, entity) =>
        `The ${entity.entity.pluralLabel.toLowerCase()} pages: a searchable, paged list${
          entity.filters.length ? ` filterable by ${entity.filters.map((f) => f.label.toLowerCase()).join(' and ')}` : ''
        }, the detail view${entity.children.length ? ` with its ${entity.children.map((c) => c.label.toLowerCase()).join(' and ')}` : ''}${
          entity.readOnly ? ' (read-only: accounts come from registration)' : ', and the create/edit forms'
        }.`,
      serves: (_model, entity) => entity.serves,
      sources: (_model, entity) => entity.sources,
    },
  ],
};

function pagesModule(entity: FrontendEntity): string {
  const { pascal, camelPlural, route } = entity.names;
  const api = `${camelPlural}Api`;
  const meta = metaName(entity);
  const pages = pageComponents(entity);
  const editable = pages.create
    ? `
// The body was validated against the entity's zod schema, so it has ${pascal}Input's shape.
export function ${pages.create}() {
  return <EntityFormPage meta={${meta}} mode="create" save={(payload) => ${api}.create(payload as unknown as ${pascal}Input)} />;
}

export function ${pages.edit}() {
  return (
    <EntityFormPage
      meta={${meta}}
      mode="edit"
      load={${api}.get}
      save={(payload, id) => ${api}.update(Number(id), payload as unknown as Partial<${pascal}Input>)}
    />
  );
}
`
    : `
// ${lineComment(entity.entity.pluralLabel)} are read-only here: accounts are created by registering.
`;
  return `// ${lineComment(entity.entity.label)} pages: list, detail${pages.create ? ', create and edit' : ''}.
import { ${api}${pages.create ? `, type ${pascal}Input` : ''} } from '../api/${route}';
import { EntityDetailPage } from '../components/EntityDetailPage';
${pages.create ? "import { EntityFormPage } from '../components/EntityFormPage';\n" : ''}import { EntityListPage } from '../components/EntityListPage';
import { ${meta} } from '../entities/${route}';

export function ${pages.list}() {
  return <EntityListPage meta={${meta}} list={${api}.list} />;
}

export function ${pages.detail}() {
  return <EntityDetailPage meta={${meta}} get={${api}.get} remove={${api}.remove} childLists={${api}.children} />;
}
${editable}`;
}
