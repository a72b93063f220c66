import type { OpenAPIObject } from '@nestjs/swagger';
import responses from './responses.json';

type Operation = OpenAPIObject['paths'][string]['get'] & object;
type Schema = NonNullable<OpenAPIObject['components']>['schemas'] & object;

/** An answer that is a file or text (slides, attachments, recordings, PDFs, CSV, ICS): its bytes. */
const FILE = { type: 'string', contentMediaType: 'application/octet-stream' };

/**
 * Declares the answer of every operation in the OpenAPI document: the JSON schema its controller method's
 * return type has (generated into responses.json by scripts/openapi-responses.ts), bytes for files, nothing
 * for 204. Nest's document alone says only "201: (no description)".
 */
export function withResponseSchemas(doc: OpenAPIObject): OpenAPIObject {
  const operations: Record<string, object> = responses.operations;
  const schemas = responses.schemas as unknown as Schema; // JSON Schema 2020-12 (type arrays), as OpenAPI 3.1 takes
  for (const path of Object.values(doc.paths)) {
    for (const [method, op] of Object.entries(path) as Array<[string, Operation]>) {
      if (!op?.operationId || !op.responses) continue;
      // Nest states the default 200/201 only when no other answer is declared (e.g. a 422).
      const code = Object.keys(op.responses).find((c) => c.startsWith('2')) ?? (method === 'post' ? '201' : '200');
      if (code === '204') continue;
      const schema = operations[op.operationId];
      const types = Object.keys((op.responses[code] as { content?: object } | undefined)?.content ?? {});
      const content = schema
        ? { 'application/json': { schema } }
        : Object.fromEntries((types.length ? types : ['*/*']).map((type) => [type, { schema: FILE }]));
      op.responses[code] = { description: schema ? 'JSON' : 'the file', content };
    }
  }
  for (const name of Object.keys(schemas)) {
    if (doc.components?.schemas?.[name]) throw new Error(`OpenAPI schema ${name} is both a request and an answer type`);
  }
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, ...schemas } };
  return doc;
}
