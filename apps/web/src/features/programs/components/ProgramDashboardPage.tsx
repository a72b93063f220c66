import { Link, useParams } from 'react-router-dom';
import { LoadFailure, Loading } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';
import { useResource } from '../../../lib/useResource';
import { UpcomingSessions } from '../../sessions';
import { CertificatesSection } from '../../certificates';
import { ImpactLink } from '../../impact';
import { getProgramOverview } from '../api/programs';
import { canManage } from '../roles';
import { CalendarLinksSection } from './CalendarLinksSection';
import { InviteByLink } from './InviteByLink';
import { MembersSection } from './MembersSection';
import { RoleBadge } from './RoleBadge';
import { SitesSection } from './SitesSection';

export function ProgramDashboardPage() {
  const { programId = '' } = useParams();
  const { user } = useAuth();
  const overview = useResource(`program:${programId}`, () => getProgramOverview(programId));

  if (overview.status === 'loading') return <Loading>Loading the program…</Loading>;
  if (overview.status === 'error') return <LoadFailure error={overview.error} what="Program" />;

  const { program, sites } = overview.data;
  const manager = canManage(program.myRole, user);
  return (
    <article className="dashboard">
      <title>{`${program.name} · ECHO Hub`}</title>
      <header className="program-header">
        <div className="page-header">
          <h1>{program.name}</h1>
          <RoleBadge role={program.myRole} />
          <ImpactLink programId={program.id} role={program.myRole} user={user} />
        </div>
        {program.topic && <p className="lede">{program.topic}</p>}
        {program.description && <p>{program.description}</p>}
        <dl className="facts">
          {program.targetAudience && (
            <>
              <dt>Target audience</dt>
              <dd>{program.targetAudience}</dd>
            </>
          )}
          {program.learningTarget !== null && (
            <>
              <dt>Learning target</dt>
              <dd>{program.learningTarget.toLocaleString()} learning experiences</dd>
            </>
          )}
          <dt>Time zone</dt>
          <dd>{program.timeZone.replaceAll('_', ' ')}</dd>
        </dl>
        <p className="actions">
          <Link to={`/programs/${program.id}/my-cases`}>My cases</Link>
          <Link to={`/programs/${program.id}/recordings`}>Recordings</Link>
          <Link to={`/programs/${program.id}/community`}>Community</Link>
          <Link to={`/programs/${program.id}/assessment`}>Self-assessment</Link>
          <Link to={`/programs/${program.id}/exchanges`}>Exchanges and mentoring</Link>
          {manager && <Link to={`/programs/${program.id}/coproduction`}>Co-production payments</Link>}
        </p>
      </header>
      <div className="dashboard-grid">
        <UpcomingSessions programId={program.id} manager={manager} />
        <SitesSection
          programId={program.id}
          sites={sites}
          manager={manager}
          onAdded={(site) => overview.update((o) => ({ ...o, sites: [...o.sites, site] }))}
        />
      </div>
      <MembersSection
        programId={program.id}
        emailsVisible={program.memberEmailsVisible}
        sites={sites}
        manager={manager}
        onChanged={overview.reload}
      />
      {manager && <InviteByLink programId={program.id} sites={sites} />}
      <CalendarLinksSection programId={program.id} />
      <CertificatesSection programId={program.id} />
    </article>
  );
}
