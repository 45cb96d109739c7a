import { defineArea } from '../catalogue';

// Texts only the Salesforce package shows: the Test Write-Back panel of its admin page and its Salesforce links.
export const salesforceArea = defineArea('salesforce', {
  en: {
    testWriteBackTitle: 'Test Write-Back',
    testWriteBackIntro:
      'Creates a test contact and one test activity of each item you write back, so you can check them in Salesforce.',
    testWriteBackRun: 'Run Test Write-Back',
    testWriteBackRunning: 'Writing the test records…',
    testWriteBackSaved: 'Saved in Salesforce',
    testWriteBackRemove: 'Remove the test records',
    testWriteBackRemoved: 'The test records were removed.',
    viewInSalesforce: 'View in Salesforce',
  },
  nl: {
    testWriteBackTitle: 'Test terugschrijven',
    testWriteBackIntro:
      'Maakt een testcontactpersoon en één testactiviteit per item dat u terugschrijft, zodat u ze in Salesforce kunt controleren.',
    testWriteBackRun: 'Test terugschrijven uitvoeren',
    testWriteBackRunning: 'De testrecords worden geschreven…',
    testWriteBackSaved: 'Opgeslagen in Salesforce',
    testWriteBackRemove: 'Testrecords verwijderen',
    testWriteBackRemoved: 'De testrecords zijn verwijderd.',
    viewInSalesforce: 'Bekijken in Salesforce',
  },
  fr: {
    testWriteBackTitle: 'Test de réécriture',
    testWriteBackIntro:
      'Crée un contact de test et une activité de test pour chaque élément réécrit, afin que vous puissiez les vérifier dans Salesforce.',
    testWriteBackRun: 'Lancer le test de réécriture',
    testWriteBackRunning: 'Écriture des enregistrements de test…',
    testWriteBackSaved: 'Enregistré dans Salesforce',
    testWriteBackRemove: 'Supprimer les enregistrements de test',
    testWriteBackRemoved: 'Les enregistrements de test ont été supprimés.',
    viewInSalesforce: 'Voir dans Salesforce',
  },
  it: {
    testWriteBackTitle: 'Test di riscrittura',
    testWriteBackIntro:
      'Crea un contatto di test e un’attività di test per ogni elemento riscritto, così puoi verificarli in Salesforce.',
    testWriteBackRun: 'Esegui il test di riscrittura',
    testWriteBackRunning: 'Scrittura dei record di test…',
    testWriteBackSaved: 'Salvato in Salesforce',
    testWriteBackRemove: 'Rimuovi i record di test',
    testWriteBackRemoved: 'I record di test sono stati rimossi.',
    viewInSalesforce: 'Visualizza in Salesforce',
  },
  de: {
    testWriteBackTitle: 'Test-Rückschreiben',
    testWriteBackIntro:
      'Erstellt einen Testkontakt und je eine Testaktivität pro zurückgeschriebenem Element, damit Sie sie in Salesforce prüfen können.',
    testWriteBackRun: 'Test-Rückschreiben ausführen',
    testWriteBackRunning: 'Die Testdatensätze werden geschrieben…',
    testWriteBackSaved: 'In Salesforce gespeichert',
    testWriteBackRemove: 'Testdatensätze entfernen',
    testWriteBackRemoved: 'Die Testdatensätze wurden entfernt.',
    viewInSalesforce: 'In Salesforce anzeigen',
  },
});
