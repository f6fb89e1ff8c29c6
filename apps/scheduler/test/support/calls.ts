// The helpers moved to @chasqui/testing; this name stays until every spec imports them there.
export { call, failure } from '@chasqui/testing';
