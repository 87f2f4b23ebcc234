import { mount } from 'svelte';
import './styles/theme.css';
import './styles/base.css';
import './styles/one-screen.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');
export default mount(App, { target });
