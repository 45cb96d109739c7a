// Test Write-Back: the plan (one test contact + one activity per enabled kind, and the clean-up) and the diagnosis.
export * from './plan';
export * from './diagnose';
