import { lazy } from 'react';
import { HomeOutlined } from '@ant-design/icons';
import type { AppModule } from '../../app/module-types';

export const homeModule: AppModule = {
  id: 'home',
  order: 0,
  pages: [
    {
      path: '/',
      title: 'menu.home',
      component: lazy(() => import('./pages/HomePage')),
      icon: <HomeOutlined />,
      menu: { order: 0 },
    },
  ],
};
