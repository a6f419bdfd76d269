import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { PageLoading } from '../../../shared/components/PageLoading';
import { LoadError } from '../../../shared/components/LoadError';
import { getChangeById } from '../api';

/** Approvals link to a change request by its id; it lives on its project's page. */
export default function ChangeRequestPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const query = useQuery({ queryKey: ['change-requests', id], queryFn: ({ signal }) => getChangeById(id, signal), enabled: Number.isInteger(id) });
  useEffect(() => {
    if (query.data) navigate(`/projects/${query.data.projectId}?tab=changes`, { replace: true });
  }, [query.data, navigate]);
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return <PageLoading />;
}
