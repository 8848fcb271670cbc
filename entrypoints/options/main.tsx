import '../../components/pages.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from '../../components/Options';
import { library } from '../../components/options-library';
import { disableExtraSite } from '../../lib/site-access';
import { dirOf, t, uiLang } from '../../lib/i18n';

const lang = uiLang();
document.documentElement.lang = lang;
document.documentElement.dir = dirOf(lang);
document.title = t('optionsTitle', lang);

render(
  <Options lang={lang} library={library} version={browser.runtime.getManifest().version} onRemoveExtraHost={disableExtraSite} />,
  document.getElementById('app')!,
);
