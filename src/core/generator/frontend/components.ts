// Spec-independent React components copied into every generated app: loading/error/empty
// states, pagination, inputs per field type, relation pickers, the entity form and the generic
// list/detail/form pages that each entity's page module wires to its typed API.
import type { LayerTable } from '../layerFiles';
import detailPage from '../templates/frontend/src/components/EntityDetailPage.tsx?text';
import entityForm from '../templates/frontend/src/components/EntityForm.tsx?text';
import formPage from '../templates/frontend/src/components/EntityFormPage.tsx?text';
import listPage from '../templates/frontend/src/components/EntityListPage.tsx?text';
import fieldInput from '../templates/frontend/src/components/FieldInput.tsx?text';
import pagination from '../templates/frontend/src/components/Pagination.tsx?text';
import relationSelect from '../templates/frontend/src/components/RelationSelect.tsx?text';
import states from '../templates/frontend/src/components/States.tsx?text';
import recordNames from '../templates/frontend/src/components/useRecordNames.ts?text';
import { allSources, type FrontendModel } from './model';

export const COMPONENTS_LAYER: LayerTable<FrontendModel> = {
  layer: 'frontend/components',
  serves: ['frontend'],
  sources: (model) => allSources(model.spec),
  files: [
    { path: 'frontend/src/components/States.tsx', content: states, explanation: 'Loading, error and empty states shared by all pages, and the wording of API errors.' },
    { path: 'frontend/src/components/Pagination.tsx', content: pagination, explanation: 'Previous/next paging for list endpoints (page, pageSize, total).' },
    {
      path: 'frontend/src/components/FieldInput.tsx',
      content: fieldInput,
      explanation: 'A labelled input per field type (text, textarea, number, checkbox, date, datetime-local, enum select, email, url) with its error message.',
    },
    {
      path: 'frontend/src/components/RelationSelect.tsx',
      content: relationSelect,
      explanation: "Relation pickers: selects whose options are loaded from the related entity's list endpoint.",
    },
    {
      path: 'frontend/src/components/useRecordNames.ts',
      content: recordNames,
      explanation: "Names of related records for links, list columns and chips: one list request per related collection (the picker's), single reads only for ids it did not return.",
    },
    {
      path: 'frontend/src/components/EntityForm.tsx',
      content: entityForm,
      explanation: "The create/edit form: client-side zod validation, then the server's validation_failed messages next to each field.",
    },
    {
      path: 'frontend/src/components/EntityListPage.tsx',
      content: listPage,
      explanation: 'The generic list page: paged table with a search box, filters by parent relation kept in the URL, and a column naming each parent.',
    },
    {
      path: 'frontend/src/components/EntityDetailPage.tsx',
      content: detailPage,
      explanation: 'The generic detail page: fields (long text with its line breaks), parent links by name, has-many lists, edit, and delete with confirmation.',
    },
    {
      path: 'frontend/src/components/EntityFormPage.tsx',
      content: formPage,
      explanation: 'The generic create/edit page: loads the record to edit, pre-fills parent ids from the URL, opens the saved record.',
    },
  ],
};
