import { defineArea } from '../catalogue';

// Test Write-Back: the test records' texts, the steps, and the diagnosis of a failure with its remedy.
export const testWriteBackArea = defineArea('testWriteBack', {
  en: {
    contactFirstName: 'NavSync',
    contactLastName: 'Test Write-Back {run}',
    contactDescription:
      'Created by NavSync Test Write-Back. It is deleted when the test ends; you can delete it safely.',
    activitySubject: 'NavSync test ({kind})',
    activityBody: 'This {kind} was written by NavSync Test Write-Back and is deleted when the test ends.',
    noItems: 'Turn on write-back and choose at least one item before running Test Write-Back.',
    testEmail: 'Test e-mail address (optional)',
    testEmailHelp: 'Given to the test contact, for an environment whose rule requires an e-mail address on contacts.',
    testEmailInvalid: 'Enter an e-mail address, for example name@contoso.com.',
    stepContact: 'Create the test contact',
    stepActivity: 'Write a test {kind}',
    stepCleanup: 'Remove the test records',
    succeeded:
      'Test Write-Back succeeded: {count, plural, one {# test activity was} other {# test activities were}} written and removed.',
    failedAt: 'Test Write-Back failed at: {step}',
    kept: 'Test Write-Back wrote {count, plural, one {# test activity on the test contact {contact} and kept it, as asked. Delete it once you have checked it.} other {# test activities on the test contact {contact} and kept them, as asked. Delete them once you have checked them.}}',
    leftBehind: 'These test records could not be removed; delete them by hand: {records}',
    causeEmailRule:
      'A validation rule in your CRM requires an e-mail address on contacts, so NavSync could not save the test contact.',
    remedyEmailRule:
      'Exempt the NavSync integration user from the rule that requires an e-mail address (for example, add a condition for that user to the rule), or run the test again with a test e-mail address.',
    causeValidationRule: 'A validation rule or automation in your CRM blocked the test: {detail}',
    remedyValidationRule:
      'Ask your CRM administrator to exempt the NavSync integration user from this rule, then run the test again.',
    causeRequiredField: 'Your CRM requires fields that NavSync does not fill: {fields}.',
    remedyRequiredField:
      'Give these fields a default value or make them optional for the integration user, then run the test again.',
    causePicklist: 'The value “{value}” is not allowed for {field}.',
    remedyPicklist:
      'Check the task status values (Salesforce: Task Status; Dataverse: the activity’s status reasons), reload the NavSync settings so it uses your org’s values, and run the test again.',
    causeDuplicate: 'A duplicate rule in your CRM blocked the test contact.',
    remedyDuplicate:
      'Let the integration user save despite duplicate alerts, or exclude contacts named “NavSync Test Write-Back” from the rule.',
  },
  nl: {
    contactFirstName: 'NavSync',
    contactLastName: 'Test terugschrijven {run}',
    contactDescription:
      'Gemaakt door de NavSync-test voor terugschrijven. Wordt verwijderd aan het einde van de test; u kunt dit record veilig verwijderen.',
    activitySubject: 'NavSync-test ({kind})',
    activityBody:
      'Deze {kind} is geschreven door de NavSync-test voor terugschrijven en wordt verwijderd aan het einde van de test.',
    noItems: 'Zet terugschrijven aan en kies minstens één item voordat u de test voor terugschrijven uitvoert.',
    testEmail: 'Test-e-mailadres (optioneel)',
    testEmailHelp:
      'Wordt aan de testcontactpersoon gegeven, voor een omgeving waarvan een regel een e-mailadres bij contactpersonen vereist.',
    testEmailInvalid: 'Voer een e-mailadres in, bijvoorbeeld naam@contoso.com.',
    stepContact: 'Testcontactpersoon maken',
    stepActivity: 'Test-{kind} schrijven',
    stepCleanup: 'Testrecords verwijderen',
    succeeded:
      'Test voor terugschrijven geslaagd: {count, plural, one {# testactiviteit is} other {# testactiviteiten zijn}} geschreven en verwijderd.',
    failedAt: 'Test voor terugschrijven mislukt bij: {step}',
    kept: 'De test voor terugschrijven heeft {count, plural, one {# testactiviteit} other {# testactiviteiten}} geschreven bij de testcontactpersoon {contact} en ze bewaard, zoals gevraagd. Verwijder ze nadat u ze hebt gecontroleerd.',
    leftBehind: 'Deze testrecords konden niet worden verwijderd; verwijder ze handmatig: {records}',
    causeEmailRule:
      'Een validatieregel in uw CRM vereist een e-mailadres bij contactpersonen, daarom kon NavSync de testcontactpersoon niet opslaan.',
    remedyEmailRule:
      'Zonder de NavSync-integratiegebruiker uit van de regel die een e-mailadres vereist (voeg bijvoorbeeld een voorwaarde voor die gebruiker aan de regel toe), of voer de test opnieuw uit met een test-e-mailadres.',
    causeValidationRule: 'Een validatieregel of automatisering in uw CRM heeft de test geblokkeerd: {detail}',
    remedyValidationRule:
      'Vraag uw CRM-beheerder de NavSync-integratiegebruiker uit te zonderen van deze regel en voer de test daarna opnieuw uit.',
    causeRequiredField: 'Uw CRM vereist velden die NavSync niet invult: {fields}.',
    remedyRequiredField:
      'Geef deze velden een standaardwaarde of maak ze optioneel voor de integratiegebruiker en voer de test daarna opnieuw uit.',
    causePicklist: 'De waarde “{value}” is niet toegestaan voor {field}.',
    remedyPicklist:
      'Controleer de statuswaarden van taken (Salesforce: Taakstatus; Dataverse: de statusredenen van de activiteit), laad de NavSync-instellingen opnieuw zodat de waarden van uw org worden gebruikt, en voer de test opnieuw uit.',
    causeDuplicate: 'Een regel voor dubbele records in uw CRM heeft de testcontactpersoon geblokkeerd.',
    remedyDuplicate:
      'Laat de integratiegebruiker opslaan ondanks waarschuwingen voor dubbele records, of sluit contactpersonen met de naam “NavSync Test terugschrijven” uit van de regel.',
  },
  fr: {
    contactFirstName: 'NavSync',
    contactLastName: 'Test de réécriture {run}',
    contactDescription:
      'Créé par le test de réécriture NavSync. Il est supprimé à la fin du test ; vous pouvez le supprimer sans risque.',
    activitySubject: 'Test NavSync ({kind})',
    activityBody:
      'Cet élément ({kind}) a été écrit par le test de réécriture NavSync et est supprimé à la fin du test.',
    noItems: 'Activez la réécriture et choisissez au moins un élément avant de lancer le test de réécriture.',
    testEmail: 'Adresse e-mail de test (facultative)',
    testEmailHelp:
      'Attribuée au contact de test, pour un environnement dont une règle exige une adresse e-mail sur les contacts.',
    testEmailInvalid: 'Saisissez une adresse e-mail, par exemple nom@contoso.com.',
    stepContact: 'Créer le contact de test',
    stepActivity: 'Écrire un élément de test ({kind})',
    stepCleanup: 'Supprimer les enregistrements de test',
    succeeded:
      'Test de réécriture réussi : {count, plural, one {# activité de test a été écrite puis supprimée} other {# activités de test ont été écrites puis supprimées}}.',
    failedAt: 'Échec du test de réécriture à l’étape : {step}',
    kept: 'Le test de réécriture a écrit {count, plural, one {# activité de test sur le contact de test {contact} et l’a conservée, comme demandé. Supprimez-la après l’avoir vérifiée.} other {# activités de test sur le contact de test {contact} et les a conservées, comme demandé. Supprimez-les après les avoir vérifiées.}}',
    leftBehind: 'Ces enregistrements de test n’ont pas pu être supprimés ; supprimez-les manuellement : {records}',
    causeEmailRule:
      'Une règle de validation de votre CRM exige une adresse e-mail sur les contacts ; NavSync n’a donc pas pu enregistrer le contact de test.',
    remedyEmailRule:
      'Exemptez l’utilisateur d’intégration NavSync de la règle qui exige une adresse e-mail (par exemple en ajoutant une condition pour cet utilisateur dans la règle), ou relancez le test avec une adresse e-mail de test.',
    causeValidationRule: 'Une règle de validation ou une automatisation de votre CRM a bloqué le test : {detail}',
    remedyValidationRule:
      'Demandez à votre administrateur CRM d’exempter l’utilisateur d’intégration NavSync de cette règle, puis relancez le test.',
    causeRequiredField: 'Votre CRM exige des champs que NavSync ne remplit pas : {fields}.',
    remedyRequiredField:
      'Donnez une valeur par défaut à ces champs ou rendez-les facultatifs pour l’utilisateur d’intégration, puis relancez le test.',
    causePicklist: 'La valeur « {value} » n’est pas autorisée pour {field}.',
    remedyPicklist:
      'Vérifiez les valeurs de statut des tâches (Salesforce : Statut de la tâche ; Dataverse : les raisons de statut de l’activité), rechargez les paramètres NavSync pour qu’il utilise les valeurs de votre organisation, puis relancez le test.',
    causeDuplicate: 'Une règle de doublons de votre CRM a bloqué le contact de test.',
    remedyDuplicate:
      'Autorisez l’utilisateur d’intégration à enregistrer malgré les alertes de doublons, ou excluez de la règle les contacts nommés « NavSync Test de réécriture ».',
  },
  it: {
    contactFirstName: 'NavSync',
    contactLastName: 'Test di riscrittura {run}',
    contactDescription:
      'Creato dal test di riscrittura di NavSync. Viene eliminato al termine del test; puoi eliminarlo senza problemi.',
    activitySubject: 'Test NavSync ({kind})',
    activityBody:
      'Questo elemento ({kind}) è stato scritto dal test di riscrittura di NavSync e viene eliminato al termine del test.',
    noItems: 'Attiva la riscrittura e scegli almeno un elemento prima di eseguire il test di riscrittura.',
    testEmail: 'Indirizzo e-mail di test (facoltativo)',
    testEmailHelp:
      'Assegnato al contatto di test, per un ambiente in cui una regola richiede un indirizzo e-mail sui contatti.',
    testEmailInvalid: 'Inserisci un indirizzo e-mail, ad esempio nome@contoso.com.',
    stepContact: 'Crea il contatto di test',
    stepActivity: 'Scrivi un elemento di test ({kind})',
    stepCleanup: 'Rimuovi i record di test',
    succeeded:
      'Test di riscrittura riuscito: {count, plural, one {# attività di test è stata scritta e rimossa} other {# attività di test sono state scritte e rimosse}}.',
    failedAt: 'Test di riscrittura non riuscito al passaggio: {step}',
    kept: 'Il test di riscrittura ha scritto {count, plural, one {# attività di test sul contatto di test {contact} e l’ha conservata, come richiesto. Eliminala dopo averla controllata.} other {# attività di test sul contatto di test {contact} e le ha conservate, come richiesto. Eliminale dopo averle controllate.}}',
    leftBehind: 'Questi record di test non sono stati rimossi; eliminali manualmente: {records}',
    causeEmailRule:
      'Una regola di convalida del tuo CRM richiede un indirizzo e-mail sui contatti, quindi NavSync non ha potuto salvare il contatto di test.',
    remedyEmailRule:
      'Escludi l’utente di integrazione NavSync dalla regola che richiede un indirizzo e-mail (ad esempio aggiungendo alla regola una condizione per quell’utente), oppure esegui di nuovo il test con un indirizzo e-mail di test.',
    causeValidationRule: 'Una regola di convalida o un’automazione del tuo CRM ha bloccato il test: {detail}',
    remedyValidationRule:
      'Chiedi al tuo amministratore CRM di escludere l’utente di integrazione NavSync da questa regola, poi esegui di nuovo il test.',
    causeRequiredField: 'Il tuo CRM richiede campi che NavSync non compila: {fields}.',
    remedyRequiredField:
      'Assegna a questi campi un valore predefinito o rendili facoltativi per l’utente di integrazione, poi esegui di nuovo il test.',
    causePicklist: 'Il valore “{value}” non è consentito per {field}.',
    remedyPicklist:
      'Controlla i valori di stato delle attività (Salesforce: Stato attività; Dataverse: i motivi stato dell’attività), ricarica le impostazioni di NavSync in modo che usi i valori della tua org ed esegui di nuovo il test.',
    causeDuplicate: 'Una regola sui duplicati del tuo CRM ha bloccato il contatto di test.',
    remedyDuplicate:
      'Consenti all’utente di integrazione di salvare nonostante gli avvisi di duplicato, oppure escludi dalla regola i contatti chiamati “NavSync Test di riscrittura”.',
  },
  de: {
    contactFirstName: 'NavSync',
    contactLastName: 'Test-Rückschreiben {run}',
    contactDescription:
      'Vom NavSync-Test für das Zurückschreiben angelegt. Wird am Ende des Tests gelöscht; Sie können ihn bedenkenlos löschen.',
    activitySubject: 'NavSync-Test ({kind})',
    activityBody:
      'Dieses Element ({kind}) wurde vom NavSync-Test für das Zurückschreiben geschrieben und wird am Ende des Tests gelöscht.',
    noItems:
      'Schalten Sie das Zurückschreiben ein und wählen Sie mindestens ein Element, bevor Sie den Test ausführen.',
    testEmail: 'Test-E-Mail-Adresse (optional)',
    testEmailHelp:
      'Wird dem Testkontakt gegeben, für eine Umgebung, deren Regel eine E-Mail-Adresse bei Kontakten verlangt.',
    testEmailInvalid: 'Geben Sie eine E-Mail-Adresse ein, zum Beispiel name@contoso.com.',
    stepContact: 'Testkontakt anlegen',
    stepActivity: 'Test-{kind} schreiben',
    stepCleanup: 'Testdatensätze entfernen',
    succeeded:
      'Test für das Zurückschreiben erfolgreich: {count, plural, one {# Testaktivität wurde} other {# Testaktivitäten wurden}} geschrieben und entfernt.',
    failedAt: 'Test für das Zurückschreiben fehlgeschlagen bei: {step}',
    kept: 'Der Test für das Zurückschreiben hat {count, plural, one {# Testaktivität} other {# Testaktivitäten}} beim Testkontakt {contact} geschrieben und wie gewünscht behalten. Löschen Sie sie, nachdem Sie sie geprüft haben.',
    leftBehind: 'Diese Testdatensätze konnten nicht entfernt werden; löschen Sie sie von Hand: {records}',
    causeEmailRule:
      'Eine Validierungsregel in Ihrem CRM verlangt bei Kontakten eine E-Mail-Adresse, daher konnte NavSync den Testkontakt nicht speichern.',
    remedyEmailRule:
      'Nehmen Sie den NavSync-Integrationsbenutzer von der Regel aus, die eine E-Mail-Adresse verlangt (fügen Sie der Regel z. B. eine Bedingung für diesen Benutzer hinzu), oder führen Sie den Test mit einer Test-E-Mail-Adresse erneut aus.',
    causeValidationRule: 'Eine Validierungsregel oder Automatisierung in Ihrem CRM hat den Test blockiert: {detail}',
    remedyValidationRule:
      'Bitten Sie Ihren CRM-Administrator, den NavSync-Integrationsbenutzer von dieser Regel auszunehmen, und führen Sie den Test dann erneut aus.',
    causeRequiredField: 'Ihr CRM verlangt Felder, die NavSync nicht ausfüllt: {fields}.',
    remedyRequiredField:
      'Geben Sie diesen Feldern einen Standardwert oder machen Sie sie für den Integrationsbenutzer optional, und führen Sie den Test dann erneut aus.',
    causePicklist: 'Der Wert „{value}“ ist für {field} nicht zulässig.',
    remedyPicklist:
      'Prüfen Sie die Statuswerte von Aufgaben (Salesforce: Aufgabenstatus; Dataverse: die Statusgründe der Aktivität), laden Sie die NavSync-Einstellungen neu, damit die Werte Ihrer Org verwendet werden, und führen Sie den Test erneut aus.',
    causeDuplicate: 'Eine Duplikatsregel in Ihrem CRM hat den Testkontakt blockiert.',
    remedyDuplicate:
      'Erlauben Sie dem Integrationsbenutzer das Speichern trotz Duplikatwarnungen, oder nehmen Sie Kontakte mit dem Namen „NavSync Test-Rückschreiben“ von der Regel aus.',
  },
});
