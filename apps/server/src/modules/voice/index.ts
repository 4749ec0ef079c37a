/**
 * Workers' voice (职工之声): hazard and community reports (随手拍) routed by place along the union
 * tree, with "我也遇到了", time limits that escalate, the reporter's confirmation and a public map;
 * 对口联系 — cadres assigned to unions below them, their visits and the problems they found; and
 * 合理化建议 — workers' suggestions to their union, adopted or declined, with the benefit they brought;
 * 需求调研 — needs surveys answered once per person (anonymously if chosen), with results, cross-tabs
 * and follow-ups.
 */
import './voice.errors';
import './liaison.errors';
import './suggestion.errors';
import './survey.errors';
export { createVoiceService, type VoiceService } from './voice.service';
export { createVoiceSupportService, type VoiceSupportService } from './voice.support.service';
export { voiceRoutes } from './voice.routes';
export { registerVoiceJobs, VOICE_SWEEP_JOB } from './voice.jobs';
export { voiceIndicators } from './voice.indicators';
export { voiceTodos } from './voice.todos';
export { seedDemoVoice } from './voice.demo';
export { voiceReport, voiceCategory } from './voice.tables';
export { reportPhotoPaths } from './voice.repository';
export { createLiaisonService, type LiaisonService } from './liaison.service';
export { liaisonRoutes } from './liaison.routes';
export { liaisonTodos } from './liaison.todos';
export { liaisonPhotoPaths } from './liaison.repository';
export { seedDemoLiaison } from './liaison.demo';
export { createSuggestionService, type SuggestionService } from './suggestion.service';
export { suggestionRoutes } from './suggestion.routes';
export { suggestionTodos } from './suggestion.todos';
export { suggestionPhotoPaths } from './suggestion.repository';
export { seedDemoSuggestions } from './suggestion.demo';
export { createSurveyService, type SurveyService } from './survey.service';
export { surveyRoutes } from './survey.routes';
export { seedDemoSurveys } from './survey.demo';
