// One `src/pages/<entity>.tsx` per entity: its list, detail, create and edit pages, wiring the
// generic page components to the entity's metadata and typed API calls.
import type { FileSet } from '../fileSet';
import { lineComment } from '../emit';
import { metaName } from './entities';
import type { FrontendEntity, FrontendModel } from './model';

export function pagesModulePath(entity: FrontendEntity): string {
  return `frontend/src/pages/${entity.names.route}.tsx`;
}

/** Component names exported by an entity's page module, in route order. */
export function pageComponents(entity: FrontendEntity): { list: string; detail: string; create?: string; edit?: string } {
  const { pascal } = entity.names;
  return entity.readOnly
    ? { list: `${pascal}ListPage`, detail: `${pascal}DetailPage` }
    : { list: `${pascal}ListPage`, detail: `${pascal}DetailPage`, create: `${pascal}CreatePage`, edit: `${pascal}EditPage` };
}

export function generateEntityPages(model: FrontendModel, files: FileSet): void {
  for (const entity of model.entities) {
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
    const content = `// ${lineComment(entity.entity.label)} pages: list, detail${pages.create ? ', create and edit' : ''}.
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
    files.add({
      path: pagesModulePath(entity),
      content,
      layer: 'frontend/pages',
      explanation: `The ${entity.entity.pluralLabel.toLowerCase()} pages: a searchable, paged list${
        entity.filters.length ? ` filterable by ${entity.filters.map((f) => f.label.toLowerCase()).join(' and ')}` : ''
      }, the detail view${entity.children.length ? ` with its ${entity.children.map((c) => c.label.toLowerCase()).join(' and ')}` : ''}${
        pages.create ? ', and the create/edit forms' : ' (read-only: accounts come from registration)'
      }.`,
      serves: entity.serves,
      sources: entity.sources,
    });
  }
}
