import {
  districtsSchema,
  idParamsSchema,
  listProvidersQuerySchema,
  MARKET_FILE_TYPES,
  marketFileSchema,
  MAX_MARKET_FILE_BYTES,
  myProviderSchema,
  pageOf,
  providerDetailSchema,
  providerSchema,
  registerProviderSchema,
  reviewProviderSchema,
  updateProviderSchema,
  uploadFileQuerySchema,
} from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scopeOf } from '../../platform/auth';
import type { FilesService } from './files.service';
import type { ProvidersService } from './providers.service';
import { staffCtx, userCtx } from './routes.shared';

const tags = ['market'];

/** Providers (服务商): registration, the provider's own record, the staff's review; the marketplace's files. */
export const providersRoutes: FastifyPluginAsyncZod<{ providers: ProvidersService; files: FilesService }> = async (app, { providers, files }) => {
  app.addContentTypeParser([...MARKET_FILE_TYPES, 'image/gif', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_MARKET_FILE_BYTES }, (_request, body, done) => done(null, body));

  app.get('/market/districts', { config: { permission: 'public' }, schema: { tags, summary: 'Districts whose marketplace a provider may join', response: { 200: districtsSchema } } }, async () => providers.listDistricts());

  app.post(
    '/market/providers/register',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'Register an organisation as a provider (after phone-code sign-in); staff review it', body: registerProviderSchema, response: { 201: providerSchema } } },
    async (request, reply) => reply.status(201).send(await providers.register(request.body, userCtx(request))),
  );
  app.get('/market/my-provider', { config: { permission: 'authenticated' }, schema: { tags, summary: 'The provider this account acts for, if any', response: { 200: myProviderSchema } } }, async (request) =>
    providers.getMine(userCtx(request).userId),
  );
  app.put('/market/my-provider', { config: { permission: 'market.provider' }, schema: { tags, summary: 'Edit the provider’s own record', body: updateProviderSchema, response: { 200: providerSchema } } }, async (request) =>
    providers.updateMine(request.body, userCtx(request)),
  );

  app.get('/market/providers', { config: { permission: 'market.read' }, schema: { tags, querystring: listProvidersQuerySchema, response: { 200: pageOf(providerSchema) } } }, async (request) =>
    providers.list(request.query, staffCtx(request, 'market.read').scope),
  );
  app.get('/market/providers/:id', { config: { permission: 'market.read' }, schema: { tags, summary: 'A provider with its track record', params: idParamsSchema, response: { 200: providerDetailSchema } } }, async (request) =>
    providers.get(request.params.id, staffCtx(request, 'market.read').scope),
  );
  app.post(
    '/market/providers/:id/review',
    { config: { permission: 'market.write' }, schema: { tags, summary: 'Approve, return with reasons, suspend or reinstate', params: idParamsSchema, body: reviewProviderSchema, response: { 200: providerDetailSchema } } },
    async (request) => providers.review(request.params.id, request.body, staffCtx(request, 'market.write')),
  );

  app.post(
    '/market/files',
    {
      config: { permission: 'authenticated' },
      bodyLimit: MAX_MARKET_FILE_BYTES,
      schema: { tags, summary: 'Upload a photo or document (body = the file: JPEG, PNG, WebP or PDF up to 5 MB, judged by its content)', querystring: uploadFileQuerySchema, response: { 201: marketFileSchema } },
    },
    async (request, reply) => reply.status(201).send(await files.upload(request.body, request.headers['content-type'], request.query.name, userCtx(request))),
  );
  app.get(
    '/market/files/:id',
    { config: { permission: 'public' }, schema: { tags, summary: 'A file, for whom it concerns (library photos for anyone)', params: idParamsSchema } },
    async (request, reply) => {
      const file = await files.getFile(request.params.id, { userId: request.actor?.userId ?? null, staffScope: request.actor ? scopeOf(request.actor, 'market.read') : [] });
      const disposition = file.contentType === 'application/pdf' ? `inline; filename*=UTF-8''${encodeURIComponent(file.name ?? 'document.pdf')}` : 'inline';
      return reply.header('content-type', file.contentType).header('content-disposition', disposition).header('cache-control', 'private, max-age=86400').send(file.data);
    },
  );
};
