export * from './min-cost-flow';
export * from './assignment';
export * from './warm-start';
