import type { StoreApi } from 'zustand/vanilla';
import type { RenderProfile } from '../engine/contract';
import type { AppStore, CameraState } from '../stores/appStore';
import { App } from './App';

/** Command-centre large-screen mode (`?mode=screen`). Until its layout lands, it shows the planner view. */
export function ScreenApp(props: { store: AppStore; cameraStore: StoreApi<CameraState>; profile: RenderProfile }) {
  return <App {...props} />;
}
