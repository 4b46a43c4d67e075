import { filesStage, prompts } from './define';

export const docker = filesStage({
  kind: 'docker',
  title: 'Docker and compose',
  dependsOn: ['architecture'],
  description: 'A Dockerfile per app, nginx for the frontend, docker-compose with PostgreSQL and health checks, and .dockerignore.',
  prompt: prompts('Write the Dockerfiles, the nginx config and docker-compose.yml with PostgreSQL.'),
  offBecause: (spec) => (spec.options.docker ? undefined : 'Docker files turned off in the review step'),
  produce: ({ layers }) => layers.select('spec.deploy', (path) => /(^|\/)(Dockerfile|nginx\.conf|docker-compose\.yml|\.dockerignore)$/.test(path)),
});
