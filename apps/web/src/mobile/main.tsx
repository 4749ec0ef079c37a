import '../shared/base.css';
import './mobile.css';
import { fundStatementEn, fundStatementZh } from '../shared/fund/locales';
import { initI18n } from '../shared/i18n';
import { mountMobileFace } from '../shared/mount-mobile';
import { MobileApp } from './MobileApp';
import { mobileEn, mobileZh } from './locales';
import { fundMobileEn, fundMobileZh } from './pages/fund/locales';
import { marketMobileEn, marketMobileZh } from './pages/market/locales';
import { eventsMobileEn, eventsMobileZh } from './pages/events/locales';
import { voiceMobileEn, voiceMobileZh } from './pages/voice/locales';
import { suggestionsMobileEn, suggestionsMobileZh } from './pages/suggestions/locales';
import { surveysMobileEn, surveysMobileZh } from './pages/surveys/locales';
import { mutualaidMobileEn, mutualaidMobileZh } from './pages/mutualaid/locales';
import { springJobsMobileEn, springJobsMobileZh } from './pages/springjobs/locales';
import { healthMobileEn, healthMobileZh } from './pages/health/locales';
import { volunteerMobileEn, volunteerMobileZh } from './pages/volunteer/locales';
import { studyaidMobileEn, studyaidMobileZh } from './pages/studyaid/locales';
import { canteenMobileEn, canteenMobileZh } from './pages/canteen/locales';
import { partnersMobileEn, partnersMobileZh } from './pages/partners/locales';
import { hardshipMobileEn, hardshipMobileZh } from './pages/assistance/locales';
import { benefitsMobileEn, benefitsMobileZh } from './pages/assistance/campaign-locales';
import { checkinMobileEn, checkinMobileZh } from './pages/events/checkin-locales';
import { tournamentMobileEn, tournamentMobileZh } from './pages/events/tournament-locales';
import { matchmakingMobileEn, matchmakingMobileZh } from './pages/events/matchmaking-locales';
import { contestMobileEn, contestMobileZh } from './pages/events/contest-locales';
import { marketTermsEn, marketTermsZh } from '../shared/market-locales';

initI18n({
  zh: { ...mobileZh, ...fundMobileZh, ...fundStatementZh, ...marketMobileZh, ...eventsMobileZh, ...voiceMobileZh, ...mutualaidMobileZh, ...hardshipMobileZh, ...benefitsMobileZh, ...checkinMobileZh, ...tournamentMobileZh, ...matchmakingMobileZh, ...contestMobileZh, marketTerms: marketTermsZh, ...springJobsMobileZh, ...healthMobileZh, ...suggestionsMobileZh, ...surveysMobileZh, ...studyaidMobileZh, ...canteenMobileZh, ...volunteerMobileZh, ...partnersMobileZh },
  en: { ...mobileEn, ...fundMobileEn, ...fundStatementEn, ...marketMobileEn, ...eventsMobileEn, ...voiceMobileEn, ...mutualaidMobileEn, ...hardshipMobileEn, ...benefitsMobileEn, ...checkinMobileEn, ...tournamentMobileEn, ...matchmakingMobileEn, ...contestMobileEn, marketTerms: marketTermsEn, ...springJobsMobileEn, ...healthMobileEn, ...suggestionsMobileEn, ...surveysMobileEn, ...studyaidMobileEn, ...canteenMobileEn, ...volunteerMobileEn, ...partnersMobileEn },
});
mountMobileFace(<MobileApp />);
