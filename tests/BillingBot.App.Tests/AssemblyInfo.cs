// WebApplicationFactory intercepts the top-level Program's host through a process-wide diagnostic listener;
// hosts started at the same moment from parallel classes can catch each other's start-up errors.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
