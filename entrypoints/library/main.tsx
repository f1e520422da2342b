import { render } from 'preact';
import { LibraryApp } from './LibraryApp';
import '@/components/theme.css';
import './style.css';

render(<LibraryApp />, document.getElementById('app')!);
