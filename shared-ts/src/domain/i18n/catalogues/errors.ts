import { defineArea } from '../catalogue';

// The first four messages are the help articles' connection errors, verbatim in English.
export const errorsArea = defineArea('errors', {
  en: {
    connectFailed: 'Could not connect to CRM. Please try again later.',
    connectFailedRemedy:
      'Check that the CRM is reachable and not in maintenance, and that the integration user can sign in. NavSync retries on the next scheduled run.',
    apiError: 'The CRM API reported an error. Please try again later.',
    apiErrorRemedy:
      'Look at the error detail in the run report. If it repeats, check the API limits of your org and the integration user’s licence.',
    insufficientAccess:
      'Your CRM account does not have sufficient access privileges. Please check with your CRM administrator.',
    insufficientAccessRemedy:
      'Salesforce: assign the NavSync Admin permission set to the integration user. Dataverse: give the NavSync application user a security role that reads and writes contacts, leads, accounts, opportunities, activities and the NavSync tables.',
    objectsUnreadable: 'Could not read the required CRM objects from your org.',
    objectsUnreadableRemedy: 'Give the integration user read access to every object listed in the detail: {objects}.',
    fileUnreadable: 'The LinkedIn export file could not be read.',
    fileUnreadableRemedy:
      'Check that the file named in the detail exists at the path in linkedin.exportFiles (or linkedin.associationsFile) and that the user running NavSync may read it. Nothing was changed.',
    exportRefused: 'The file is not a Data Validation export NavSync can read. Nothing was changed.',
    exportRefusedRemedy:
      'Export the file again with a record id column and a status column, saved as UTF-8. If its columns have other names, map them in linkedin.columns; for a file in another encoding set linkedin.encoding; for a “;”-separated file set linkedin.delimiter (or --delimiter).',
    runInProgress: 'Another NavSync run is already working on this CRM connection. This run changed nothing.',
    runInProgressRemedy:
      'Wait until that run has finished (the next scheduled run continues), or let this one wait for it with --wait <minutes>. If that run was stopped, its lease expires at the time named in the detail and is then taken over.',
    unknown: 'Something unexpected went wrong.',
    unknownRemedy: 'Run again; if the problem stays, send the run report to your NavSync administrator.',
    crmSignIn: 'NavSync could not sign in to the CRM with the configured credentials.',
    crmSignInRemedy:
      'Check the client id and secret in the environment (NAVSYNC_SF_CLIENT_ID and NAVSYNC_SF_CLIENT_SECRET for Salesforce, NAVSYNC_DV_CLIENT_ID and NAVSYNC_DV_CLIENT_SECRET for Dataverse), that the secret has not expired, and that the app is enabled for the client credentials flow.',
    linkedinAccess: 'LinkedIn did not accept NavSync’s credentials.',
    linkedinAccessRemedy:
      'Check NAVSYNC_LINKEDIN_CLIENT_ID and NAVSYNC_LINKEDIN_CLIENT_SECRET, and ask your LinkedIn contact to enable application tokens and the Sync Services permissions (r_sales_nav_validation, r_sales_nav_profiles) for the app.',
    linkedinConnectFailed: 'Could not connect to LinkedIn. Please try again later.',
    linkedinConnectFailedRemedy:
      'Check that this machine can reach api.linkedin.com and www.linkedin.com (DNS, firewall, proxy). NavSync retries on the next scheduled run.',
    apiDisabledForOrg: 'Your Salesforce edition does not include API access, which NavSync needs.',
    apiDisabledForOrgRemedy:
      'NavSync works with Enterprise, Unlimited, Performance and Developer Edition, and with Professional Edition only with the API add-on. Essentials and Group Edition are not supported.',
    apiVersionUnsupported: 'This Salesforce org does not support the API version NavSync is set to use.',
    apiVersionUnsupportedRemedy:
      'Set salesforce.apiVersion in the NavSync config file to a version your org supports, or remove it to use NavSync’s default.',
    dataverseUnsupported:
      'This Dynamics 365 environment is not supported: NavSync needs Dynamics 365 online with the Dataverse Web API v9.',
    dataverseUnsupportedRemedy:
      'Dynamics 365 on-premises (Dynamics 365 Server, CRM 2016 and earlier) is not supported. Set dataverse.url to your online environment, e.g. https://yourorg.crm.dynamics.com.',
    outboundRefused: 'NavSync refused to send a request to this address.',
    outboundRefusedRemedy:
      'Use https and the documented Salesforce, Microsoft and LinkedIn hosts in the NavSync config file. Plain http, private, loopback and link-local addresses, and redirects to another host are refused.',
    responseTooLarge: 'A response was larger than NavSync accepts, so it was not read.',
    responseTooLargeRemedy:
      'Look at the detail in the run report. A real Salesforce, Dataverse or LinkedIn response stays far below this limit; check that the configured addresses are the right ones.',
    signInNotCompleted: 'The sign-in was not completed, so NavSync is not connected.',
    signInNotCompletedRemedy:
      'Run navsync connect again and, before the code expires (15 minutes), open the sign-in page shown, enter the code and accept as the integration user. If your organisation blocks this kind of sign-in, use an app registration with a client secret instead.',
    signInRevoked: 'The saved sign-in of the integration user is no longer valid.',
    signInRevokedRemedy:
      'Sign in again with navsync connect (--device-code for Dataverse, --browser for Salesforce). A saved sign-in ends when it is unused for 90 days, when the user’s password changes, or when an administrator revokes it.',
  },
  nl: {
    connectFailed: 'Kan geen verbinding maken met CRM. Probeer het later opnieuw.',
    connectFailedRemedy:
      'Controleer of het CRM bereikbaar is en niet in onderhoud, en of de integratiegebruiker zich kan aanmelden. NavSync probeert het opnieuw bij de volgende geplande run.',
    apiError: 'De CRM-API heeft een fout gemeld. Probeer het later opnieuw.',
    apiErrorRemedy:
      'Bekijk de foutdetails in het runrapport. Als de fout terugkomt, controleer dan de API-limieten van uw org en de licentie van de integratiegebruiker.',
    insufficientAccess: 'Uw CRM-account heeft onvoldoende toegangsrechten. Neem contact op met uw CRM-beheerder.',
    insufficientAccessRemedy:
      'Salesforce: wijs de machtigingenset NavSync Admin toe aan de integratiegebruiker. Dataverse: geef de NavSync-toepassingsgebruiker een beveiligingsrol die contactpersonen, leads, accounts, verkoopkansen, activiteiten en de NavSync-tabellen kan lezen en schrijven.',
    objectsUnreadable: 'De vereiste CRM-objecten konden niet uit uw org worden gelezen.',
    objectsUnreadableRemedy: 'Geef de integratiegebruiker leestoegang tot elk object in de details: {objects}.',
    fileUnreadable: 'Het LinkedIn-exportbestand kon niet worden gelezen.',
    fileUnreadableRemedy:
      'Controleer of het bestand uit de details bestaat op het pad in linkedin.exportFiles (of linkedin.associationsFile) en of de gebruiker die NavSync uitvoert het mag lezen. Er is niets gewijzigd.',
    exportRefused: 'Het bestand is geen Data Validation-export die NavSync kan lezen. Er is niets gewijzigd.',
    exportRefusedRemedy:
      'Exporteer het bestand opnieuw met een kolom voor de record-id en een statuskolom, opgeslagen als UTF-8. Hebben de kolommen andere namen, koppel ze dan in linkedin.columns; stel voor een bestand in een andere codering linkedin.encoding in; voor een bestand met “;” als scheidingsteken linkedin.delimiter (of --delimiter).',
    runInProgress: 'Er werkt al een andere NavSync-run op deze CRM-verbinding. Deze run heeft niets gewijzigd.',
    runInProgressRemedy:
      'Wacht tot die run klaar is (de volgende geplande run gaat verder), of laat deze erop wachten met --wait <minuten>. Is die run gestopt, dan verloopt zijn lease op het tijdstip in de details en wordt die daarna overgenomen.',
    unknown: 'Er is iets onverwachts misgegaan.',
    unknownRemedy:
      'Probeer het opnieuw; blijft het probleem bestaan, stuur dan het runrapport naar uw NavSync-beheerder.',
    crmSignIn: 'NavSync kon zich niet aanmelden bij het CRM met de ingestelde referenties.',
    crmSignInRemedy:
      'Controleer de client-id en het geheim in de omgeving (NAVSYNC_SF_CLIENT_ID en NAVSYNC_SF_CLIENT_SECRET voor Salesforce, NAVSYNC_DV_CLIENT_ID en NAVSYNC_DV_CLIENT_SECRET voor Dataverse), of het geheim niet verlopen is en of de app is ingeschakeld voor de client-credentials-flow.',
    linkedinAccess: 'LinkedIn heeft de referenties van NavSync niet geaccepteerd.',
    linkedinAccessRemedy:
      'Controleer NAVSYNC_LINKEDIN_CLIENT_ID en NAVSYNC_LINKEDIN_CLIENT_SECRET en vraag uw LinkedIn-contactpersoon om toepassingstokens en de Sync Services-machtigingen (r_sales_nav_validation, r_sales_nav_profiles) voor de app in te schakelen.',
    linkedinConnectFailed: 'Kan geen verbinding maken met LinkedIn. Probeer het later opnieuw.',
    linkedinConnectFailedRemedy:
      'Controleer of deze machine api.linkedin.com en www.linkedin.com kan bereiken (DNS, firewall, proxy). NavSync probeert het opnieuw bij de volgende geplande run.',
    apiDisabledForOrg: 'Uw Salesforce-editie bevat geen API-toegang, en NavSync heeft die nodig.',
    apiDisabledForOrgRemedy:
      'NavSync werkt met Enterprise, Unlimited, Performance en Developer Edition, en met Professional Edition alleen met de API-uitbreiding. Essentials en Group Edition worden niet ondersteund.',
    apiVersionUnsupported: 'Deze Salesforce-org ondersteunt de API-versie niet die NavSync gebruikt.',
    apiVersionUnsupportedRemedy:
      'Zet salesforce.apiVersion in het NavSync-configuratiebestand op een versie die uw org ondersteunt, of verwijder de instelling om de standaardversie van NavSync te gebruiken.',
    dataverseUnsupported:
      'Deze Dynamics 365-omgeving wordt niet ondersteund: NavSync heeft Dynamics 365 online met de Dataverse Web API v9 nodig.',
    dataverseUnsupportedRemedy:
      'Dynamics 365 on-premises (Dynamics 365 Server, CRM 2016 en ouder) wordt niet ondersteund. Zet dataverse.url op uw online omgeving, bijv. https://uworg.crm4.dynamics.com.',
    outboundRefused: 'NavSync heeft geweigerd een verzoek naar dit adres te sturen.',
    outboundRefusedRemedy:
      'Gebruik https en de gedocumenteerde hosts van Salesforce, Microsoft en LinkedIn in het NavSync-configuratiebestand. Gewoon http, privé-, loopback- en link-local-adressen en omleidingen naar een andere host worden geweigerd.',
    responseTooLarge: 'Een antwoord was groter dan NavSync accepteert en is daarom niet gelezen.',
    responseTooLargeRemedy:
      'Bekijk de details in het runrapport. Een echt antwoord van Salesforce, Dataverse of LinkedIn blijft ver onder deze limiet; controleer of de ingestelde adressen de juiste zijn.',
    signInNotCompleted: 'De aanmelding is niet voltooid, dus NavSync is niet verbonden.',
    signInNotCompletedRemedy:
      'Voer navsync connect opnieuw uit en open, voordat de code verloopt (15 minuten), de getoonde aanmeldpagina, voer de code in en accepteer als de integratiegebruiker. Als uw organisatie deze manier van aanmelden blokkeert, gebruik dan een app-registratie met een clientgeheim.',
    signInRevoked: 'De opgeslagen aanmelding van de integratiegebruiker is niet meer geldig.',
    signInRevokedRemedy:
      'Meld opnieuw aan met navsync connect (--device-code voor Dataverse, --browser voor Salesforce). Een opgeslagen aanmelding vervalt na 90 dagen zonder gebruik, als het wachtwoord van de gebruiker wijzigt of als een beheerder haar intrekt.',
  },
  fr: {
    connectFailed: 'Impossible de se connecter au CRM. Veuillez réessayer plus tard.',
    connectFailedRemedy:
      'Vérifiez que le CRM est joignable et n’est pas en maintenance, et que l’utilisateur d’intégration peut se connecter. NavSync réessaie lors de la prochaine exécution planifiée.',
    apiError: 'L’API du CRM a signalé une erreur. Veuillez réessayer plus tard.',
    apiErrorRemedy:
      'Consultez le détail de l’erreur dans le rapport d’exécution. Si elle se répète, vérifiez les limites d’API de votre organisation et la licence de l’utilisateur d’intégration.',
    insufficientAccess:
      'Votre compte CRM ne dispose pas des droits d’accès suffisants. Veuillez contacter votre administrateur CRM.',
    insufficientAccessRemedy:
      'Salesforce : attribuez l’ensemble d’autorisations NavSync Admin à l’utilisateur d’intégration. Dataverse : donnez à l’utilisateur d’application NavSync un rôle de sécurité qui lit et modifie les contacts, prospects, comptes, opportunités, activités et les tables NavSync.',
    objectsUnreadable: 'Impossible de lire les objets CRM requis dans votre organisation.',
    objectsUnreadableRemedy:
      'Donnez à l’utilisateur d’intégration l’accès en lecture à chaque objet indiqué dans le détail : {objects}.',
    fileUnreadable: 'Le fichier d’export LinkedIn n’a pas pu être lu.',
    fileUnreadableRemedy:
      'Vérifiez que le fichier indiqué dans le détail existe au chemin de linkedin.exportFiles (ou linkedin.associationsFile) et que l’utilisateur qui exécute NavSync peut le lire. Rien n’a été modifié.',
    exportRefused: 'Le fichier n’est pas un export Data Validation que NavSync sait lire. Rien n’a été modifié.',
    exportRefusedRemedy:
      'Exportez à nouveau le fichier avec une colonne d’identifiant d’enregistrement et une colonne de statut, enregistré en UTF-8. Si ses colonnes portent d’autres noms, associez-les dans linkedin.columns ; pour un fichier dans un autre encodage, définissez linkedin.encoding ; pour un fichier séparé par « ; », définissez linkedin.delimiter (ou --delimiter).',
    runInProgress:
      'Une autre exécution de NavSync travaille déjà sur cette connexion CRM. Cette exécution n’a rien modifié.',
    runInProgressRemedy:
      'Attendez la fin de cette exécution (la prochaine exécution planifiée reprend), ou faites patienter celle-ci avec --wait <minutes>. Si cette exécution a été arrêtée, son bail expire à l’heure indiquée dans le détail et est alors repris.',
    unknown: 'Une erreur inattendue s’est produite.',
    unknownRemedy: 'Relancez ; si le problème persiste, envoyez le rapport d’exécution à votre administrateur NavSync.',
    crmSignIn: 'NavSync n’a pas pu se connecter au CRM avec les identifiants configurés.',
    crmSignInRemedy:
      'Vérifiez l’ID client et le secret dans l’environnement (NAVSYNC_SF_CLIENT_ID et NAVSYNC_SF_CLIENT_SECRET pour Salesforce, NAVSYNC_DV_CLIENT_ID et NAVSYNC_DV_CLIENT_SECRET pour Dataverse), que le secret n’a pas expiré et que l’application est activée pour le flux client credentials.',
    linkedinAccess: 'LinkedIn n’a pas accepté les identifiants de NavSync.',
    linkedinAccessRemedy:
      'Vérifiez NAVSYNC_LINKEDIN_CLIENT_ID et NAVSYNC_LINKEDIN_CLIENT_SECRET, et demandez à votre contact LinkedIn d’activer les jetons d’application et les autorisations Sync Services (r_sales_nav_validation, r_sales_nav_profiles) pour l’application.',
    linkedinConnectFailed: 'Impossible de se connecter à LinkedIn. Veuillez réessayer plus tard.',
    linkedinConnectFailedRemedy:
      'Vérifiez que cette machine peut joindre api.linkedin.com et www.linkedin.com (DNS, pare-feu, proxy). NavSync réessaie lors de la prochaine exécution planifiée.',
    apiDisabledForOrg: 'Votre édition de Salesforce n’inclut pas l’accès à l’API, dont NavSync a besoin.',
    apiDisabledForOrgRemedy:
      'NavSync fonctionne avec les éditions Enterprise, Unlimited, Performance et Developer, et avec Professional Edition uniquement avec l’option API. Les éditions Essentials et Group ne sont pas prises en charge.',
    apiVersionUnsupported:
      'Cette organisation Salesforce ne prend pas en charge la version d’API que NavSync doit utiliser.',
    apiVersionUnsupportedRemedy:
      'Définissez salesforce.apiVersion dans le fichier de configuration NavSync sur une version prise en charge par votre organisation, ou supprimez ce réglage pour utiliser la version par défaut de NavSync.',
    dataverseUnsupported:
      'Cet environnement Dynamics 365 n’est pas pris en charge : NavSync a besoin de Dynamics 365 online avec l’API Web Dataverse v9.',
    dataverseUnsupportedRemedy:
      'Dynamics 365 sur site (Dynamics 365 Server, CRM 2016 et versions antérieures) n’est pas pris en charge. Définissez dataverse.url sur votre environnement online, par ex. https://votreorg.crm12.dynamics.com.',
    outboundRefused: 'NavSync a refusé d’envoyer une requête à cette adresse.',
    outboundRefusedRemedy:
      'Utilisez https et les hôtes documentés de Salesforce, Microsoft et LinkedIn dans le fichier de configuration NavSync. Le http simple, les adresses privées, de bouclage et link-local, et les redirections vers un autre hôte sont refusés.',
    responseTooLarge: 'Une réponse dépassait la taille acceptée par NavSync ; elle n’a pas été lue.',
    responseTooLargeRemedy:
      'Consultez le détail dans le rapport d’exécution. Une vraie réponse de Salesforce, Dataverse ou LinkedIn reste bien en dessous de cette limite ; vérifiez que les adresses configurées sont les bonnes.',
    signInNotCompleted: 'La connexion n’a pas été menée à terme : NavSync n’est pas connecté.',
    signInNotCompletedRemedy:
      'Relancez navsync connect et, avant l’expiration du code (15 minutes), ouvrez la page de connexion indiquée, saisissez le code et acceptez en tant qu’utilisateur d’intégration. Si votre organisation bloque ce mode de connexion, utilisez plutôt une inscription d’application avec un secret client.',
    signInRevoked: 'La connexion enregistrée de l’utilisateur d’intégration n’est plus valide.',
    signInRevokedRemedy:
      'Reconnectez-vous avec navsync connect (--device-code pour Dataverse, --browser pour Salesforce). Une connexion enregistrée prend fin après 90 jours sans utilisation, quand le mot de passe de l’utilisateur change ou quand un administrateur la révoque.',
  },
  it: {
    connectFailed: 'Impossibile connettersi al CRM. Riprova più tardi.',
    connectFailedRemedy:
      'Verifica che il CRM sia raggiungibile e non in manutenzione e che l’utente di integrazione possa accedere. NavSync riprova alla prossima esecuzione pianificata.',
    apiError: 'L’API del CRM ha segnalato un errore. Riprova più tardi.',
    apiErrorRemedy:
      'Controlla il dettaglio dell’errore nel report di esecuzione. Se si ripete, verifica i limiti API della tua org e la licenza dell’utente di integrazione.',
    insufficientAccess:
      'Il tuo account CRM non dispone di privilegi di accesso sufficienti. Rivolgiti al tuo amministratore CRM.',
    insufficientAccessRemedy:
      'Salesforce: assegna il set di autorizzazioni NavSync Admin all’utente di integrazione. Dataverse: assegna all’utente applicazione di NavSync un ruolo di sicurezza che legge e scrive contatti, lead, account, opportunità, attività e le tabelle NavSync.',
    objectsUnreadable: 'Impossibile leggere gli oggetti CRM richiesti dalla tua org.',
    objectsUnreadableRemedy:
      'Concedi all’utente di integrazione l’accesso in lettura a ogni oggetto indicato nel dettaglio: {objects}.',
    fileUnreadable: 'Impossibile leggere il file di esportazione LinkedIn.',
    fileUnreadableRemedy:
      'Verifica che il file indicato nel dettaglio esista nel percorso di linkedin.exportFiles (o linkedin.associationsFile) e che l’utente che esegue NavSync possa leggerlo. Non è stato modificato nulla.',
    exportRefused:
      'Il file non è un’esportazione Data Validation che NavSync sa leggere. Non è stato modificato nulla.',
    exportRefusedRemedy:
      'Esporta di nuovo il file con una colonna per l’ID del record e una colonna di stato, salvato in UTF-8. Se le colonne hanno altri nomi, associale in linkedin.columns; per un file con un’altra codifica imposta linkedin.encoding; per un file separato da “;” imposta linkedin.delimiter (o --delimiter).',
    runInProgress:
      'Un’altra esecuzione di NavSync sta già lavorando su questa connessione CRM. Questa esecuzione non ha modificato nulla.',
    runInProgressRemedy:
      'Attendi che quell’esecuzione termini (la prossima esecuzione pianificata continua), oppure fai attendere questa con --wait <minuti>. Se quell’esecuzione è stata interrotta, il suo lease scade all’ora indicata nel dettaglio e viene poi rilevato.',
    unknown: 'Si è verificato un errore imprevisto.',
    unknownRemedy: 'Riprova; se il problema persiste, invia il report di esecuzione al tuo amministratore NavSync.',
    crmSignIn: 'NavSync non è riuscito ad accedere al CRM con le credenziali configurate.',
    crmSignInRemedy:
      'Verifica l’ID client e il segreto nell’ambiente (NAVSYNC_SF_CLIENT_ID e NAVSYNC_SF_CLIENT_SECRET per Salesforce, NAVSYNC_DV_CLIENT_ID e NAVSYNC_DV_CLIENT_SECRET per Dataverse), che il segreto non sia scaduto e che l’app sia abilitata al flusso client credentials.',
    linkedinAccess: 'LinkedIn non ha accettato le credenziali di NavSync.',
    linkedinAccessRemedy:
      'Verifica NAVSYNC_LINKEDIN_CLIENT_ID e NAVSYNC_LINKEDIN_CLIENT_SECRET e chiedi al tuo contatto LinkedIn di abilitare i token applicazione e le autorizzazioni Sync Services (r_sales_nav_validation, r_sales_nav_profiles) per l’app.',
    linkedinConnectFailed: 'Impossibile connettersi a LinkedIn. Riprova più tardi.',
    linkedinConnectFailedRemedy:
      'Verifica che questa macchina raggiunga api.linkedin.com e www.linkedin.com (DNS, firewall, proxy). NavSync riprova alla prossima esecuzione pianificata.',
    apiDisabledForOrg: 'La tua edizione di Salesforce non include l’accesso API, necessario a NavSync.',
    apiDisabledForOrgRemedy:
      'NavSync funziona con le edizioni Enterprise, Unlimited, Performance e Developer, e con Professional Edition solo con il componente aggiuntivo API. Le edizioni Essentials e Group non sono supportate.',
    apiVersionUnsupported: 'Questa org Salesforce non supporta la versione API che NavSync è impostato a usare.',
    apiVersionUnsupportedRemedy:
      'Imposta salesforce.apiVersion nel file di configurazione di NavSync su una versione supportata dalla tua org, oppure rimuovila per usare quella predefinita di NavSync.',
    dataverseUnsupported:
      'Questo ambiente Dynamics 365 non è supportato: NavSync richiede Dynamics 365 online con la Web API di Dataverse v9.',
    dataverseUnsupportedRemedy:
      'Dynamics 365 on-premises (Dynamics 365 Server, CRM 2016 e precedenti) non è supportato. Imposta dataverse.url sul tuo ambiente online, ad es. https://tuaorg.crm4.dynamics.com.',
    outboundRefused: 'NavSync si è rifiutato di inviare una richiesta a questo indirizzo.',
    outboundRefusedRemedy:
      'Usa https e gli host documentati di Salesforce, Microsoft e LinkedIn nel file di configurazione di NavSync. http semplice, indirizzi privati, di loopback e link-local e i reindirizzamenti verso un altro host vengono rifiutati.',
    responseTooLarge: 'Una risposta superava la dimensione accettata da NavSync e non è stata letta.',
    responseTooLargeRemedy:
      'Controlla il dettaglio nel report di esecuzione. Una vera risposta di Salesforce, Dataverse o LinkedIn resta molto al di sotto di questo limite; verifica che gli indirizzi configurati siano quelli giusti.',
    signInNotCompleted: 'L’accesso non è stato completato, quindi NavSync non è connesso.',
    signInNotCompletedRemedy:
      'Esegui di nuovo navsync connect e, prima che il codice scada (15 minuti), apri la pagina di accesso indicata, inserisci il codice e accetta come utente di integrazione. Se la tua organizzazione blocca questo tipo di accesso, usa invece una registrazione dell’app con un segreto client.',
    signInRevoked: 'L’accesso salvato dell’utente di integrazione non è più valido.',
    signInRevokedRemedy:
      'Accedi di nuovo con navsync connect (--device-code per Dataverse, --browser per Salesforce). Un accesso salvato termina dopo 90 giorni di inutilizzo, quando cambia la password dell’utente o quando un amministratore lo revoca.',
  },
  de: {
    connectFailed: 'Es konnte keine Verbindung zum CRM hergestellt werden. Bitte versuchen Sie es später erneut.',
    connectFailedRemedy:
      'Prüfen Sie, ob das CRM erreichbar und nicht in Wartung ist und ob sich der Integrationsbenutzer anmelden kann. NavSync versucht es beim nächsten geplanten Lauf erneut.',
    apiError: 'Die CRM-API hat einen Fehler gemeldet. Bitte versuchen Sie es später erneut.',
    apiErrorRemedy:
      'Sehen Sie sich die Fehlerdetails im Laufbericht an. Wenn der Fehler wiederkehrt, prüfen Sie die API-Limits Ihrer Org und die Lizenz des Integrationsbenutzers.',
    insufficientAccess:
      'Ihr CRM-Konto verfügt nicht über ausreichende Zugriffsrechte. Wenden Sie sich an Ihren CRM-Administrator.',
    insufficientAccessRemedy:
      'Salesforce: Weisen Sie dem Integrationsbenutzer den Berechtigungssatz NavSync Admin zu. Dataverse: Geben Sie dem NavSync-Anwendungsbenutzer eine Sicherheitsrolle, die Kontakte, Leads, Firmen, Verkaufschancen, Aktivitäten und die NavSync-Tabellen lesen und schreiben darf.',
    objectsUnreadable: 'Die erforderlichen CRM-Objekte konnten nicht aus Ihrer Org gelesen werden.',
    objectsUnreadableRemedy:
      'Geben Sie dem Integrationsbenutzer Lesezugriff auf jedes in den Details genannte Objekt: {objects}.',
    fileUnreadable: 'Die LinkedIn-Exportdatei konnte nicht gelesen werden.',
    fileUnreadableRemedy:
      'Prüfen Sie, ob die in den Details genannte Datei unter dem Pfad in linkedin.exportFiles (oder linkedin.associationsFile) existiert und ob der Benutzer, der NavSync ausführt, sie lesen darf. Es wurde nichts geändert.',
    exportRefused: 'Die Datei ist kein Data-Validation-Export, den NavSync lesen kann. Es wurde nichts geändert.',
    exportRefusedRemedy:
      'Exportieren Sie die Datei erneut mit einer Spalte für die Datensatz-ID und einer Statusspalte, als UTF-8 gespeichert. Haben die Spalten andere Namen, ordnen Sie sie in linkedin.columns zu; für eine Datei in einer anderen Kodierung setzen Sie linkedin.encoding; für eine durch „;“ getrennte Datei linkedin.delimiter (oder --delimiter).',
    runInProgress:
      'Ein anderer NavSync-Lauf arbeitet bereits an dieser CRM-Verbindung. Dieser Lauf hat nichts geändert.',
    runInProgressRemedy:
      'Warten Sie, bis dieser Lauf beendet ist (der nächste geplante Lauf macht weiter), oder lassen Sie diesen mit --wait <Minuten> darauf warten. Wurde jener Lauf abgebrochen, läuft seine Sperre zu der in den Details genannten Zeit ab und wird dann übernommen.',
    unknown: 'Etwas Unerwartetes ist schiefgegangen.',
    unknownRemedy:
      'Führen Sie den Lauf erneut aus; bleibt das Problem bestehen, senden Sie den Laufbericht an Ihren NavSync-Administrator.',
    crmSignIn: 'NavSync konnte sich mit den konfigurierten Anmeldedaten nicht beim CRM anmelden.',
    crmSignInRemedy:
      'Prüfen Sie Client-ID und Geheimnis in der Umgebung (NAVSYNC_SF_CLIENT_ID und NAVSYNC_SF_CLIENT_SECRET für Salesforce, NAVSYNC_DV_CLIENT_ID und NAVSYNC_DV_CLIENT_SECRET für Dataverse), ob das Geheimnis abgelaufen ist und ob die App für den Client-Credentials-Flow freigeschaltet ist.',
    linkedinAccess: 'LinkedIn hat die Anmeldedaten von NavSync nicht akzeptiert.',
    linkedinAccessRemedy:
      'Prüfen Sie NAVSYNC_LINKEDIN_CLIENT_ID und NAVSYNC_LINKEDIN_CLIENT_SECRET und bitten Sie Ihren LinkedIn-Kontakt, Anwendungstoken und die Sync-Services-Berechtigungen (r_sales_nav_validation, r_sales_nav_profiles) für die App freizuschalten.',
    linkedinConnectFailed:
      'Es konnte keine Verbindung zu LinkedIn hergestellt werden. Bitte versuchen Sie es später erneut.',
    linkedinConnectFailedRemedy:
      'Prüfen Sie, ob dieser Rechner api.linkedin.com und www.linkedin.com erreicht (DNS, Firewall, Proxy). NavSync versucht es beim nächsten geplanten Lauf erneut.',
    apiDisabledForOrg: 'Ihre Salesforce-Edition enthält keinen API-Zugriff, den NavSync benötigt.',
    apiDisabledForOrgRemedy:
      'NavSync funktioniert mit Enterprise, Unlimited, Performance und Developer Edition, mit Professional Edition nur mit dem API-Add-on. Essentials und Group Edition werden nicht unterstützt.',
    apiVersionUnsupported: 'Diese Salesforce-Org unterstützt die API-Version nicht, die NavSync verwenden soll.',
    apiVersionUnsupportedRemedy:
      'Setzen Sie salesforce.apiVersion in der NavSync-Konfigurationsdatei auf eine Version, die Ihre Org unterstützt, oder entfernen Sie die Einstellung, um die Standardversion von NavSync zu verwenden.',
    dataverseUnsupported:
      'Diese Dynamics 365-Umgebung wird nicht unterstützt: NavSync benötigt Dynamics 365 online mit der Dataverse-Web-API v9.',
    dataverseUnsupportedRemedy:
      'Dynamics 365 lokal (Dynamics 365 Server, CRM 2016 und älter) wird nicht unterstützt. Setzen Sie dataverse.url auf Ihre Online-Umgebung, z. B. https://ihreorg.crm4.dynamics.com.',
    outboundRefused: 'NavSync hat es abgelehnt, eine Anfrage an diese Adresse zu senden.',
    outboundRefusedRemedy:
      'Verwenden Sie in der NavSync-Konfigurationsdatei https und die dokumentierten Hosts von Salesforce, Microsoft und LinkedIn. Einfaches http, private, Loopback- und Link-Local-Adressen sowie Umleitungen auf einen anderen Host werden abgelehnt.',
    responseTooLarge: 'Eine Antwort war größer, als NavSync akzeptiert, und wurde daher nicht gelesen.',
    responseTooLargeRemedy:
      'Sehen Sie sich die Details im Laufbericht an. Eine echte Antwort von Salesforce, Dataverse oder LinkedIn bleibt weit unter dieser Grenze; prüfen Sie, ob die konfigurierten Adressen stimmen.',
    signInNotCompleted: 'Die Anmeldung wurde nicht abgeschlossen, daher ist NavSync nicht verbunden.',
    signInNotCompletedRemedy:
      'Führen Sie navsync connect erneut aus und öffnen Sie, bevor der Code abläuft (15 Minuten), die angezeigte Anmeldeseite, geben Sie den Code ein und stimmen Sie als Integrationsbenutzer zu. Wenn Ihre Organisation diese Art der Anmeldung sperrt, verwenden Sie stattdessen eine App-Registrierung mit einem Clientgeheimnis.',
    signInRevoked: 'Die gespeicherte Anmeldung des Integrationsbenutzers ist nicht mehr gültig.',
    signInRevokedRemedy:
      'Melden Sie sich mit navsync connect erneut an (--device-code für Dataverse, --browser für Salesforce). Eine gespeicherte Anmeldung endet nach 90 Tagen ohne Nutzung, wenn sich das Kennwort des Benutzers ändert oder wenn ein Administrator sie widerruft.',
  },
});
