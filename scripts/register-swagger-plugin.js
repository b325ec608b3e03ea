// ts-node with the @nestjs/swagger CLI plugin (as `nest build` and ts-jest run it), so scripts see the
// same DTO schemas as the server: `node -r ./scripts/register-swagger-plugin.js scripts/x.ts`.
const plugin = require('@nestjs/swagger/plugin');

require('ts-node').register({
  project: require('node:path').join(__dirname, '..', 'tsconfig.json'),
  transformers: (program) => ({
    before: [
      plugin.before(
        { classValidatorShim: true, introspectComments: true, dtoFileNameSuffix: ['.dto.ts'] },
        program,
      ),
    ],
  }),
});
