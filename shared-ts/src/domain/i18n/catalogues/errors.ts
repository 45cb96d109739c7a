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
    fileUnreadable: 'The LinkedIn export file could not be read.',
    fileUnreadableRemedy:
      'Check that the file named in the detail exists at the path in linkedin.exportFiles (or linkedin.associationsFile) and that the user running NavSync may read it. Nothing was changed.',
    exportRefused: 'The file is not a Data Validation export NavSync can read. Nothing was changed.',
    exportRefusedRemedy:
      'Export the file again with a record id column and a status column, saved as UTF-8. If its columns have other names, map them in linkedin.columns; for a file in another encoding set linkedin.encoding; for a “;”-separated file set linkedin.delimiter (or --delimiter).',
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
    fileUnreadable: 'Het LinkedIn-exportbestand kon niet worden gelezen.',
    fileUnreadableRemedy:
      'Controleer of het bestand uit de details bestaat op het pad in linkedin.exportFiles (of linkedin.associationsFile) en of de gebruiker die NavSync uitvoert het mag lezen. Er is niets gewijzigd.',
    exportRefused: 'Het bestand is geen Data Validation-export die NavSync kan lezen. Er is niets gewijzigd.',
    exportRefusedRemedy:
      'Exporteer het bestand opnieuw met een kolom voor de record-id en een statuskolom, opgeslagen als UTF-8. Hebben de kolommen andere namen, koppel ze dan in linkedin.columns; stel voor een bestand in een andere codering linkedin.encoding in; voor een bestand met “;” als scheidingsteken linkedin.delimiter (of --delimiter).',
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
    fileUnreadable: 'Le fichier d’export LinkedIn n’a pas pu être lu.',
    fileUnreadableRemedy:
      'Vérifiez que le fichier indiqué dans le détail existe au chemin de linkedin.exportFiles (ou linkedin.associationsFile) et que l’utilisateur qui exécute NavSync peut le lire. Rien n’a été modifié.',
    exportRefused: 'Le fichier n’est pas un export Data Validation que NavSync sait lire. Rien n’a été modifié.',
    exportRefusedRemedy:
      'Exportez à nouveau le fichier avec une colonne d’identifiant d’enregistrement et une colonne de statut, enregistré en UTF-8. Si ses colonnes portent d’autres noms, associez-les dans linkedin.columns ; pour un fichier dans un autre encodage, définissez linkedin.encoding ; pour un fichier séparé par « ; », définissez linkedin.delimiter (ou --delimiter).',
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
    fileUnreadable: 'Impossibile leggere il file di esportazione LinkedIn.',
    fileUnreadableRemedy:
      'Verifica che il file indicato nel dettaglio esista nel percorso di linkedin.exportFiles (o linkedin.associationsFile) e che l’utente che esegue NavSync possa leggerlo. Non è stato modificato nulla.',
    exportRefused: 'Il file non è un’esportazione Data Validation che NavSync sa leggere. Non è stato modificato nulla.',
    exportRefusedRemedy:
      'Esporta di nuovo il file con una colonna per l’ID del record e una colonna di stato, salvato in UTF-8. Se le colonne hanno altri nomi, associale in linkedin.columns; per un file con un’altra codifica imposta linkedin.encoding; per un file separato da “;” imposta linkedin.delimiter (o --delimiter).',
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
    fileUnreadable: 'Die LinkedIn-Exportdatei konnte nicht gelesen werden.',
    fileUnreadableRemedy:
      'Prüfen Sie, ob die in den Details genannte Datei unter dem Pfad in linkedin.exportFiles (oder linkedin.associationsFile) existiert und ob der Benutzer, der NavSync ausführt, sie lesen darf. Es wurde nichts geändert.',
    exportRefused: 'Die Datei ist kein Data-Validation-Export, den NavSync lesen kann. Es wurde nichts geändert.',
    exportRefusedRemedy:
      'Exportieren Sie die Datei erneut mit einer Spalte für die Datensatz-ID und einer Statusspalte, als UTF-8 gespeichert. Haben die Spalten andere Namen, ordnen Sie sie in linkedin.columns zu; für eine Datei in einer anderen Kodierung setzen Sie linkedin.encoding; für eine durch „;“ getrennte Datei linkedin.delimiter (oder --delimiter).',
    unknown: 'Etwas Unerwartetes ist schiefgegangen.',
    unknownRemedy:
      'Führen Sie den Lauf erneut aus; bleibt das Problem bestehen, senden Sie den Laufbericht an Ihren NavSync-Administrator.',
  },
});
