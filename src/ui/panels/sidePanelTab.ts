import type { ComponentType } from 'react';
import type { MessageKey } from '../../i18n/translate';

/** A tab of the planner's side panel: its id (`data-testid="tab-<id>"`), its label and its panel. */
export interface SidePanelTab<Id extends string = string> {
  id: Id;
  labelKey: MessageKey;
  Panel: ComponentType;
}

/** Keeps the tab's id as a literal type, so the store's `sidePanelTab` is typed from the registry. */
export const defineTab = <const Id extends string>(tab: SidePanelTab<Id>): SidePanelTab<Id> => tab;
