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
      'Assign the NavSync Admin permission set (Salesforce) or the NavSync Integration security role (Dataverse) to the integration user.',
    objectsUnreadable: 'Could not read the required CRM objects from your org.',
    objectsUnreadableRemedy:
      'Give the integration user read access to every object listed in the detail: {objects}.',
    unknown: 'Something unexpected went wrong.',
    unknownRemedy: 'Run again; if the problem stays, send the run report to your NavSync administrator.',
  },
  nl: {
    connectFailed: 'Kan geen verbinding maken met CRM. Probeer het later opnieuw.',
    connectFailedRemedy:
      'Controleer of het CRM bereikbaar is en niet in onderhoud, en of de integratiegebruiker zich kan aanmelden. NavSync probeert het opnieuw bij de volgende geplande run.',
    apiError: 'De CRM-API heeft een fout gemeld. Probeer het later opnieuw.',
    apiErrorRemedy:
      'Bekijk de foutdetails in het runrapport. Als de fout terugkomt, controleer dan de API-limieten van uw org en de licentie van de integratiegebruiker.',
    insufficientAccess:
      'Uw CRM-account heeft onvoldoende toegangsrechten. Neem contact op met uw CRM-beheerder.',
    insufficientAccessRemedy:
      'Wijs de machtigingenset NavSync Admin (Salesforce) of de beveiligingsrol NavSync Integration (Dataverse) toe aan de integratiegebruiker.',
    objectsUnreadable: 'De vereiste CRM-objecten konden niet uit uw org worden gelezen.',
    objectsUnreadableRemedy: 'Geef de integratiegebruiker leestoegang tot elk object in de details: {objects}.',
    unknown: 'Er is iets onverwachts misgegaan.',
    unknownRemedy: 'Probeer het opnieuw; blijft het probleem bestaan, stuur dan het runrapport naar uw NavSync-beheerder.',
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
      'Attribuez l’ensemble d’autorisations NavSync Admin (Salesforce) ou le rôle de sécurité NavSync Integration (Dataverse) à l’utilisateur d’intégration.',
    objectsUnreadable: 'Impossible de lire les objets CRM requis dans votre organisation.',
    objectsUnreadableRemedy:
      'Donnez à l’utilisateur d’intégration l’accès en lecture à chaque objet indiqué dans le détail : {objects}.',
    unknown: 'Une erreur inattendue s’est produite.',
    unknownRemedy:
      'Relancez ; si le problème persiste, envoyez le rapport d’exécution à votre administrateur NavSync.',
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
      'Assegna il set di autorizzazioni NavSync Admin (Salesforce) o il ruolo di sicurezza NavSync Integration (Dataverse) all’utente di integrazione.',
    objectsUnreadable: 'Impossibile leggere gli oggetti CRM richiesti dalla tua org.',
    objectsUnreadableRemedy:
      'Concedi all’utente di integrazione l’accesso in lettura a ogni oggetto indicato nel dettaglio: {objects}.',
    unknown: 'Si è verificato un errore imprevisto.',
    unknownRemedy:
      'Riprova; se il problema persiste, invia il report di esecuzione al tuo amministratore NavSync.',
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
      'Weisen Sie dem Integrationsbenutzer den Berechtigungssatz NavSync Admin (Salesforce) oder die Sicherheitsrolle NavSync Integration (Dataverse) zu.',
    objectsUnreadable: 'Die erforderlichen CRM-Objekte konnten nicht aus Ihrer Org gelesen werden.',
    objectsUnreadableRemedy:
      'Geben Sie dem Integrationsbenutzer Lesezugriff auf jedes in den Details genannte Objekt: {objects}.',
    unknown: 'Etwas Unerwartetes ist schiefgegangen.',
    unknownRemedy:
      'Führen Sie den Lauf erneut aus; bleibt das Problem bestehen, senden Sie den Laufbericht an Ihren NavSync-Administrator.',
  },
});
