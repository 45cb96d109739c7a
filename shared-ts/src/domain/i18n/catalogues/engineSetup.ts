import { defineArea } from '../catalogue';

// The Salesforce admin page's setup steps for the sync engine's sign-in (an External Client App of the org).
export const engineSetupArea = defineArea('engineSetup', {
  en: {
    title: 'Connect the sync engine',
    intro:
      'The NavSync sync engine signs in to Salesforce through an External Client App of your org (client credentials flow). Set it up once:',
    step1:
      'In Setup, open External Client App Manager and create a new External Client App with Distribution State "Local".',
    step2: 'Turn on OAuth with the scopes "api" and "refresh_token", and turn on "Enable Client Credentials Flow".',
    step3:
      'In the app’s policies, set "Run As" to the NavSync integration user, and assign that user the NavSync Admin permission set.',
    step4:
      'Enter the consumer key and secret in the engine’s Salesforce connection settings, never in a record or file of the org.',
  },
  nl: {
    title: 'De synchronisatie-engine verbinden',
    intro:
      'De synchronisatie-engine van NavSync meldt zich aan bij Salesforce via een External Client App van uw organisatie (client credentials-flow). Stel deze eenmalig in:',
    step1:
      'Open in Setup de External Client App Manager en maak een nieuwe External Client App met distributiestatus "Local".',
    step2: 'Schakel OAuth in met de scopes "api" en "refresh_token", en schakel "Enable Client Credentials Flow" in.',
    step3:
      'Stel in het beleid van de app "Run As" in op de NavSync-integratiegebruiker en wijs die gebruiker de machtigingenset NavSync Admin toe.',
    step4:
      'Voer de consumer key en het secret in bij de Salesforce-verbindingsinstellingen van de engine, nooit in een record of bestand van de organisatie.',
  },
  fr: {
    title: 'Connecter le moteur de synchronisation',
    intro:
      'Le moteur de synchronisation NavSync se connecte à Salesforce par une External Client App de votre organisation (flux client credentials). Configurez-la une fois :',
    step1:
      'Dans la Configuration, ouvrez External Client App Manager et créez une External Client App avec l’état de distribution « Local ».',
    step2:
      'Activez OAuth avec les portées « api » et « refresh_token », puis activez « Enable Client Credentials Flow ».',
    step3:
      'Dans les stratégies de l’application, définissez « Run As » sur l’utilisateur d’intégration NavSync et attribuez-lui l’ensemble d’autorisations NavSync Admin.',
    step4:
      'Saisissez la clé et le secret du consommateur dans les paramètres de connexion Salesforce du moteur, jamais dans un enregistrement ou un fichier de l’organisation.',
  },
  it: {
    title: 'Collegare il motore di sincronizzazione',
    intro:
      'Il motore di sincronizzazione di NavSync accede a Salesforce tramite una External Client App della tua organizzazione (flusso client credentials). Configurala una volta:',
    step1:
      'In Setup apri External Client App Manager e crea una nuova External Client App con stato di distribuzione "Local".',
    step2: 'Attiva OAuth con gli ambiti "api" e "refresh_token" e attiva "Enable Client Credentials Flow".',
    step3:
      'Nei criteri dell’app imposta "Run As" sull’utente di integrazione NavSync e assegna a quell’utente il set di autorizzazioni NavSync Admin.',
    step4:
      'Inserisci la chiave e il segreto del consumer nelle impostazioni di connessione Salesforce del motore, mai in un record o in un file dell’organizzazione.',
  },
  de: {
    title: 'Die Synchronisierungs-Engine verbinden',
    intro:
      'Die NavSync-Synchronisierungs-Engine meldet sich über eine External Client App Ihrer Organisation bei Salesforce an (Client-Credentials-Flow). Richten Sie sie einmal ein:',
    step1:
      'Öffnen Sie im Setup den External Client App Manager und legen Sie eine neue External Client App mit dem Verteilungsstatus „Local“ an.',
    step2:
      'Aktivieren Sie OAuth mit den Bereichen „api“ und „refresh_token“ und aktivieren Sie „Enable Client Credentials Flow“.',
    step3:
      'Setzen Sie in den Richtlinien der App „Run As“ auf den NavSync-Integrationsbenutzer und weisen Sie diesem den Berechtigungssatz NavSync Admin zu.',
    step4:
      'Tragen Sie Consumer Key und Secret in die Salesforce-Verbindungseinstellungen der Engine ein, nie in einen Datensatz oder eine Datei der Organisation.',
  },
});
