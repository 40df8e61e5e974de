import { render } from 'preact';
import { t } from '../../utils/i18n';
import { applyPageLanguage } from '../../utils/ui/lang';
import { App } from './App';
import '../../components/common/common.css';
import './style.css';

// Language and direction first, so Arabic lays out right-to-left from the first paint.
applyPageLanguage(t('reviewTitle'));

render(<App />, document.getElementById('app')!);
