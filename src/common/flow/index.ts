export * from './min-cost-flow';
export * from './assignment';
