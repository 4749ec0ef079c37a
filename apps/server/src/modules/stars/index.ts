/**
 * Star ratings (评星定级), signage data and worker feedback on service positions: rubrics,
 * inspections, yearly stars and "最美" candidates; the public position page; workers' ratings
 * and problem reports with the staff's queue.
 */
export { assertOwnPhotos, createStarsService, loadPhoto, pdfIdsAmong, noAccessFigures, type AccessFigures, type PhotoOwnerPaths, type StarsService } from './stars.service';
export { createFeedbackService, type FeedbackService } from './feedback.service';
export { starsRoutes } from './stars.routes';
export { feedbackRoutes } from './feedback.routes';
export { feedbackTodos } from './feedback.notify';
export { computeStars, FACILITY_STANDARD, missingFacilities, DEFAULT_RUBRIC } from './stars.compute';
export { carePhoto, positionInspection, positionIssue, positionRating, ratingRubric } from './stars.tables';
export { doorAccessFigures, accessFractions } from './access-figures';
export { starsIndicators } from './stars.indicators';
