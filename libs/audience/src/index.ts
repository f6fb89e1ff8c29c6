export { reachesCustomer, recipients, type Recipients } from './recipients';
