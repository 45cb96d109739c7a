import * as React from 'react';
import { format, localeOfLcid } from '@navsync/shared-ts';
import type { IInputs, IOutputs } from './generated/ManifestTypes';
import { EmbeddedProfileView, type Translate } from './components/EmbeddedProfileView';
import { WebApiProfileService } from './services/ProfileService';
import { ProfileViewModel } from './viewmodel/ProfileViewModel';
import { inputsOf, recordOf } from './viewmodel/contextInputs';
import { domainRules } from './viewmodel/domainRules';

export class EmbeddedProfile implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private vm: ProfileViewModel;
  private t: Translate;
  private lang: string;

  public init(context: ComponentFramework.Context<IInputs>): void {
    // Texts come from the RESX files generated from the shared catalogues (one per LCID).
    this.t = (key, params) => format(context.resources.getString(key), params);
    this.lang = localeOfLcid(context.userSettings.languageId);
    this.vm = new ProfileViewModel(
      new WebApiProfileService(context.webAPI, context.utils),
      domainRules,
      recordOf(context),
      inputsOf(context),
    );
    void this.vm.load();
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    void this.vm.update(recordOf(context), inputsOf(context));
    return React.createElement(EmbeddedProfileView, { vm: this.vm, t: this.t, lang: this.lang });
  }

  public getOutputs(): IOutputs {
    return {};
  }

  public destroy(): void {
    // React unmounts the view; the view model holds no timers or subscriptions of its own.
  }
}
