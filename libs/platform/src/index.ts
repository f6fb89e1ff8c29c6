export { platformProviders, HTTP_PORT, type PlatformSettings } from './platform.providers';
