/**
 * ServiceProviderGetRequest22V4. The schema's choice: an enterprise answers isEnterprise (fixed
 * true), a plain service provider answers useCustomRoutingProfile instead.
 */
import type { ServiceProviderGetRequest22V4, ServiceProviderGetResponse22V4 } from '../../ocip/commands.js';
import { ociError } from '../errors.js';
import type { Handler } from './handler.js';

/** commands.ts leaves out two required elements of the answer; the schema (schema.ts) has them. */
type FullServiceProviderGetResponse = ServiceProviderGetResponse22V4 & {
  useServiceProviderLanguages: boolean;
  serviceProviderId: string;
};

export const getServiceProvider: Handler<ServiceProviderGetRequest22V4> = (world, command) => {
  const provider = world.serviceProviders.get(command.serviceProviderId);
  if (!provider) return ociError('serviceProviderNotFound', command.serviceProviderId);
  const response: FullServiceProviderGetResponse = {
    $type: 'ServiceProviderGetResponse22V4',
    ...(provider.isEnterprise ? { isEnterprise: true } : { useCustomRoutingProfile: false }),
    defaultDomain: provider.defaultDomain,
    useServiceProviderLanguages: false,
    serviceProviderId: provider.id,
  };
  if (provider.name !== undefined) response.serviceProviderName = provider.name;
  return response;
};
