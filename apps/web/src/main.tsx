import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<div>运营 Yunying</div>);
