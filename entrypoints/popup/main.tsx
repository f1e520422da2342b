import { render } from 'preact';
render(<p>Paperlight</p>, document.getElementById('app')!);
