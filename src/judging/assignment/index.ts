export * from './assignment.types';
export { ASSIGNMENT_OBJECTIVE, assignJudges } from './assign-judges';
export {
  AssignmentInputError,
  COUNTRY_WEIGHT,
  EXPERTISE_TAGS_CONSIDERED,
  EXPERTISE_WEIGHT,
  expertisePenalty,
} from './model';
export { conflictReasons, normaliseCountry, normaliseInstitution, normaliseTag } from './conflicts';
