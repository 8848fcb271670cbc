import '../../components/pages.css';
import { render } from 'preact';
import { TimelinePage } from '../../components/TimelinePage';
import { loadTimeline } from '../../components/library';
import { usePolled } from '../../components/usePolled';
import { failureText } from '../../components/failure';
import { dirOf, t, uiLang } from '../../lib/i18n';

const lang = uiLang();
document.documentElement.lang = lang;
const describeFailure = (error: unknown) => failureText(error, lang);
document.documentElement.dir = dirOf(lang);
document.title = `${t('appName', lang)}: ${t('timeline', lang)}`;

function App() {
  const { data, error } = usePolled(loadTimeline, describeFailure);
  return <TimelinePage lang={lang} data={data} error={error} />;
}

render(<App />, document.getElementById('app')!);
