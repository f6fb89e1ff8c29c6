// aRule of @chasqui/testing; this name stays until every spec imports it there.
export { aRule as ruleRequest } from '@chasqui/testing';
