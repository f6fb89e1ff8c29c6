export { platformProviders, type Built, type PlatformSettings } from './platform.providers';
export { HTTP_PORT, PlatformLifecycle, type Resource, type Worker } from './platform.lifecycle';
