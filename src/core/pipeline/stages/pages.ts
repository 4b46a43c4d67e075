import { filesStage, prompts } from './define';

/** One instance per entity: its list, detail, create and edit pages. */
export const pages = filesStage({
  kind: 'pages',
  title: 'Pages',
  perEntity: true,
  dependsOn: ['layout-navigation'],
  description: 'List, detail, create and edit pages for one entity, with relation pickers.',
  prompt: prompts('Write the list, detail, create and edit pages of the entity {{entity}}.'),
  produce: ({ layers, entity }) => layers.entityFiles('frontend.pages', entity as string),
});
