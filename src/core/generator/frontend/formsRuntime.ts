// Spec-independent form support copied into every generated app: the entity metadata types, the
// conversions between form inputs and API JSON, and error-message helpers.
import type { LayerTable } from '../layerFiles';
import format from '../templates/frontend/src/forms/format.ts?text';
import meta from '../templates/frontend/src/forms/meta.ts?text';
import refusals from '../templates/frontend/src/forms/refusals.ts?text';
import validation from '../templates/frontend/src/forms/validation.ts?text';
import values from '../templates/frontend/src/forms/values.ts?text';
import { allSources, type FrontendModel } from './model';

export const FORMS_LAYER: LayerTable<FrontendModel> = {
  layer: 'frontend/forms',
  serves: ['frontend'],
  sources: (model) => allSources(model.spec),
  files: [
    {
      path: 'frontend/src/forms/meta.ts',
      content: meta,
      explanation: 'Types of the per-entity descriptions (fields, relation pickers, child lists, zod schema) that the generic pages render from.',
    },
    {
      path: 'frontend/src/forms/values.ts',
      content: values,
      explanation:
        'Converts API records to form inputs and back: numbers, ISO datetimes from datetime-local inputs, empty optional fields left out on create and cleared (null) on edit.',
    },
    {
      path: 'frontend/src/forms/validation.ts',
      content: validation,
      explanation: "Turns zod issues and the server's validation_failed details into per-field messages shown next to the inputs.",
    },
    {
      path: 'frontend/src/forms/refusals.ts',
      content: refusals,
      explanation:
        "Tests a record's own values against the refuseWhen rules on them, so the detail and edit pages say why a change or delete is closed instead of offering a button the API would refuse.",
    },
    {
      path: 'frontend/src/forms/format.ts',
      content: format,
      explanation: 'Formats values for display (Yes/No, enum labels, local date-times) and picks the text a record is shown by.',
    },
  ],
};
