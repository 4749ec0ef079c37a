import '../shared/base.css';
import '../mobile/mobile.css';
import './signage.css';
import { initI18n } from '../shared/i18n';
import { mountMobileFace } from '../shared/mount-mobile';
import { SignageApp } from './SignageApp';
import { signageEn, signageZh } from './locales';

initI18n({ zh: signageZh, en: signageEn });
mountMobileFace(<SignageApp />);
