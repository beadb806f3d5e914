export * from './min-cost-flow';
