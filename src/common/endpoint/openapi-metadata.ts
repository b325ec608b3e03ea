import type { EndpointDefinition } from './endpoint-registry';

/**
 * Extra OpenAPI decorators derived from an endpoint definition (bodies, responses, parameters,
 * security). Owned by the documentation work (resource-doc module); the decorator calls it.
 */
export function openApiDecoratorsFor(def: EndpointDefinition): MethodDecorator[] {
  void def;
  return [];
}
