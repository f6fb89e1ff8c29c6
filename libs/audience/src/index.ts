export { recipients, type Recipients } from './recipients';
