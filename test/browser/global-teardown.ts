// The same clean-up as the Jest run's: drop this run's template database.
export { default } from '../support/global-teardown';
