import type { Context } from '../context';

/** The scheduler, as the tenant of the API key. */
export const scheduling = (context: Context) => context.tenantClient('scheduler');
