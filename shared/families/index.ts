export * from './spec.ts';
export { FAMILIES, familyById } from './registry.ts';
